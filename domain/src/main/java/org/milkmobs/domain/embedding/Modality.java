package org.milkmobs.domain.embedding;

/** What an embedding describes: the picture, the sound, the spoken words, or a text or image query. */
public enum Modality {
    VISUAL,
    AUDIO,
    TRANSCRIPTION,
    TEXT,
    IMAGE
}
