package org.milkmobs.domain.video;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a video:
 * <pre>
 * SUBMITTED → UPLOADED → PROCESSING → ANALYZED → VALIDATED | REJECTED | IN_REVIEW (a person decides)
 *                 ↘          ↕ DEFERRED (waiting for budget)
 *                  FAILED (from any unsettled state; redrive goes back to PROCESSING)
 * </pre>
 * A settled decision can be revised: re-validation and review move between VALIDATED, REJECTED and
 * IN_REVIEW, and a re-analysis moves a settled video back to PROCESSING.
 */
public enum VideoStatus {
    SUBMITTED,
    UPLOADED,
    PROCESSING,
    DEFERRED,
    ANALYZED,
    /** The analysis could not establish participation and the policy asks a person to decide. */
    IN_REVIEW,
    VALIDATED,
    REJECTED,
    FAILED;

    public Set<VideoStatus> successors() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(UPLOADED, FAILED);
            case UPLOADED -> EnumSet.of(PROCESSING, DEFERRED, FAILED);
            case PROCESSING -> EnumSet.of(ANALYZED, DEFERRED, FAILED);
            case DEFERRED -> EnumSet.of(PROCESSING, FAILED);
            case ANALYZED -> EnumSet.of(VALIDATED, REJECTED, IN_REVIEW, FAILED);
            case IN_REVIEW -> EnumSet.of(VALIDATED, REJECTED, PROCESSING);
            case VALIDATED -> EnumSet.of(REJECTED, IN_REVIEW, PROCESSING);
            case REJECTED -> EnumSet.of(VALIDATED, IN_REVIEW, PROCESSING);
            case FAILED -> EnumSet.of(PROCESSING);
        };
    }

    public boolean canMoveTo(VideoStatus next) {
        return successors().contains(next);
    }

    /** True once the pipeline has nothing more to do for the video (a video in review waits for a person). */
    public boolean isSettled() {
        return this == VALIDATED || this == REJECTED || this == IN_REVIEW || this == FAILED;
    }
}
