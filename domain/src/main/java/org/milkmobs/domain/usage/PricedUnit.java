package org.milkmobs.domain.usage;

/** The units a model bills by. */
public enum PricedUnit {
    /** A second of video or audio that the model processed. */
    MEDIA_SECOND,
    /** A token of the prompt or text query. */
    INPUT_TOKEN,
    /** A token the model wrote. */
    OUTPUT_TOKEN,
    /** An image query. */
    IMAGE
}
