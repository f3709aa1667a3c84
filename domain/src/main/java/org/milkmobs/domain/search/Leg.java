package org.milkmobs.domain.search;

/** A ranking a hybrid search fuses: by meaning (vectors) or by words (full text). */
public enum Leg {
    VECTOR,
    FULL_TEXT
}
