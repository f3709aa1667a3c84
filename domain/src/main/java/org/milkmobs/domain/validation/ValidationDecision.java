package org.milkmobs.domain.validation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.VideoStatus;

/**
 * A decision on a video, kept with everything needed to explain it: the outcome, the total score, the
 * threshold in force, and the per-signal breakdown. An admin override keeps who decided and why; the
 * computed score and breakdown stay beside it.
 */
public record ValidationDecision(Outcome outcome, double score, double threshold, List<SignalResult> breakdown, Kind kind,
                                 UserId decidedBy, String reason, Instant decidedAt) {

    public enum Kind { AUTOMATIC, OVERRIDE }

    /** {@code REVIEW}: the analysis could not establish participation, and the policy leaves it to a person. */
    public enum Outcome { ACCEPTED, REJECTED, REVIEW }

    public ValidationDecision {
        breakdown = List.copyOf(breakdown);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.OVERRIDE && outcome == Outcome.REVIEW) {
            throw new IllegalArgumentException("an override decides: it accepts or rejects");
        }
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (kind == Kind.OVERRIDE && (decidedBy == null || reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("an override needs the admin who made it and a reason");
        }
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }

    /** The status the decision gives a video. */
    public VideoStatus status() {
        return switch (outcome) {
            case ACCEPTED -> VideoStatus.VALIDATED;
            case REJECTED -> VideoStatus.REJECTED;
            case REVIEW -> VideoStatus.IN_REVIEW;
        };
    }

    /** The same evidence, with the decision an admin imposed. */
    public ValidationDecision overriddenBy(UserId admin, boolean accepted, String reason, Instant now) {
        return new ValidationDecision(accepted ? Outcome.ACCEPTED : Outcome.REJECTED, score, threshold, breakdown, Kind.OVERRIDE, admin,
                reason, now);
    }
}
