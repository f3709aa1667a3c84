package org.milkmobs.domain.validation;

/** The evidence a validation decision weighs. */
public enum Signal {
    /** Pegasus's judgement of how clearly the video takes part in the campaign. */
    PARTICIPATION,
    /** How close the video looks to the campaign's references (text prompt, reference videos or images). */
    VISUAL_SIMILARITY,
    /** Campaign keywords seen on screen. */
    OCR_KEYWORDS,
    /** Campaign hashtags the uploader used. */
    HASHTAGS,
    /** Whether the video has audible sound. */
    AUDIO_PRESENCE
}
