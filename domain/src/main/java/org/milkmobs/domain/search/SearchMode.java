package org.milkmobs.domain.search;

/** How a search was answered, so a client can tell users what the results are based on. */
public enum SearchMode {
    /** Vectors only (similar videos, image and audio queries). */
    VECTOR,
    /** Vector and full-text results fused by reciprocal rank. */
    HYBRID,
    /** Full-text only: the active model cannot embed the query (the local model has no text space). */
    FULL_TEXT
}
