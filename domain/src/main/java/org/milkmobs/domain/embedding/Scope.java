package org.milkmobs.domain.embedding;

/** A clip embedding covers a window of the video; the asset embedding covers all of it. */
public enum Scope {
    CLIP,
    ASSET
}
