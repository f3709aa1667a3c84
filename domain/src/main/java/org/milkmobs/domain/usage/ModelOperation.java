package org.milkmobs.domain.usage;

/** What a paid model call did. */
public enum ModelOperation {
    EMBED_TEXT,
    EMBED_IMAGE,
    /** A composed query: a text and an image embedded together (Marengo 3.0's text_image). */
    EMBED_TEXT_IMAGE,
    EMBED_VIDEO,
    EMBED_AUDIO,
    ANALYZE_VIDEO,
    /** A chat completion of a text model (the gateway's Converse calls). */
    CHAT
}
