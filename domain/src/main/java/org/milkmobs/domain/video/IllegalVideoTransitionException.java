package org.milkmobs.domain.video;

import org.milkmobs.domain.DomainException;

/** A lifecycle step was asked of a video in a state that does not allow it. */
public final class IllegalVideoTransitionException extends DomainException {

    private final VideoStatus from;
    private final VideoStatus to;

    public IllegalVideoTransitionException(VideoId id, VideoStatus from, VideoStatus to) {
        super("video " + id + " is " + from + " and cannot become " + to);
        this.from = from;
        this.to = to;
    }

    public VideoStatus from() {
        return from;
    }

    public VideoStatus to() {
        return to;
    }
}
