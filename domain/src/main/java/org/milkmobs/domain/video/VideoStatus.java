package org.milkmobs.domain.video;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a video:
 * <pre>
 * SUBMITTED → UPLOADED → PROCESSING → ANALYZED → VALIDATED | REJECTED
 *                 ↘          ↕ DEFERRED (waiting for budget)
 *                  FAILED (from any unsettled state; redrive goes back to PROCESSING)
 * </pre>
 * A settled decision can be revised: re-validation moves between VALIDATED and REJECTED, and a
 * re-analysis moves a settled video back to PROCESSING.
 */
public enum VideoStatus {
    SUBMITTED,
    UPLOADED,
    PROCESSING,
    DEFERRED,
    ANALYZED,
    VALIDATED,
    REJECTED,
    FAILED;

    public Set<VideoStatus> successors() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(UPLOADED, FAILED);
            case UPLOADED -> EnumSet.of(PROCESSING, DEFERRED, FAILED);
            case PROCESSING -> EnumSet.of(ANALYZED, DEFERRED, FAILED);
            case DEFERRED -> EnumSet.of(PROCESSING, FAILED);
            case ANALYZED -> EnumSet.of(VALIDATED, REJECTED, FAILED);
            case VALIDATED -> EnumSet.of(REJECTED, PROCESSING);
            case REJECTED -> EnumSet.of(VALIDATED, PROCESSING);
            case FAILED -> EnumSet.of(PROCESSING);
        };
    }

    public boolean canMoveTo(VideoStatus next) {
        return successors().contains(next);
    }

    /** True once the pipeline has nothing more to do for the video. */
    public boolean isSettled() {
        return this == VALIDATED || this == REJECTED || this == FAILED;
    }
}
