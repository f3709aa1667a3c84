package org.milkmobs.domain.validation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.milkmobs.domain.user.UserId;

/**
 * A decision on a video, kept with everything needed to explain it: the total score, the threshold in
 * force, and the per-signal breakdown. An admin override keeps who decided and why; the computed score
 * and breakdown stay beside it.
 */
public record ValidationDecision(boolean accepted, double score, double threshold, List<SignalResult> breakdown, Kind kind,
                                 UserId decidedBy, String reason, Instant decidedAt) {

    public enum Kind { AUTOMATIC, OVERRIDE }

    public ValidationDecision {
        breakdown = List.copyOf(breakdown);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (kind == Kind.OVERRIDE && (decidedBy == null || reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("an override needs the admin who made it and a reason");
        }
    }

    /** The same evidence, with the decision an admin imposed. */
    public ValidationDecision overriddenBy(UserId admin, boolean accepted, String reason, Instant now) {
        return new ValidationDecision(accepted, score, threshold, breakdown, Kind.OVERRIDE, admin, reason, now);
    }
}
