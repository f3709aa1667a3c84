package org.milkmobs.domain.search;

/** One result per video (its best moments inside), or one result per matching clip. */
public enum GroupBy {
    VIDEO,
    CLIP
}
