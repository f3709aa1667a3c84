package org.milkmobs.domain.analysis;

/**
 * What the sound track suggests. These are hints from signal heuristics (or a model's reading), not
 * facts: {@code silent} means no audible sound at all (or no audio stream).
 */
public record AudioHints(boolean silent, boolean speechLikely, boolean musicLikely) {

    public static final AudioHints NO_AUDIO = new AudioHints(true, false, false);
}
