package org.milkmobs.domain.usage;

/** What a paid model call did. */
public enum ModelOperation {
    EMBED_TEXT,
    EMBED_IMAGE,
    EMBED_VIDEO,
    EMBED_AUDIO,
    ANALYZE_VIDEO,
    /** A chat completion of a text model (the gateway's Converse calls). */
    CHAT
}
