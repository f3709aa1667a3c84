package org.milkmobs.domain.embedding;

import org.milkmobs.domain.InvalidValueException;

/** A stretch of a video, in seconds from its start. */
public record Segment(double startSeconds, double endSeconds) {

    public Segment {
        if (!Double.isFinite(startSeconds) || !Double.isFinite(endSeconds) || startSeconds < 0 || endSeconds < startSeconds) {
            throw new InvalidValueException("segment", "a segment needs 0 <= start <= end, got " + startSeconds + ".." + endSeconds);
        }
    }

    public double duration() {
        return endSeconds - startSeconds;
    }
}
