package org.milkmobs.domain.validation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.validation.ValidationDecision.Outcome;

/**
 * Applies a {@link ValidationPolicy} to measured {@link SignalScores}. Participation is proven by a
 * participation score or by a likeness to the campaign's references; a video that would pass without
 * either goes the way {@link UnprovenParticipation} says.
 */
public final class Validator {

    private Validator() {
    }

    public static ValidationDecision decide(ValidationPolicy policy, SignalScores scores, UnprovenParticipation unproven, Instant now) {
        double presentWeight = 0;
        for (Signal signal : Signal.values()) {
            if (scores.get(signal).isPresent()) {
                presentWeight += policy.weightOf(signal);
            }
        }
        if (presentWeight <= 0) {
            throw new InvalidValueException("signals", "no weighted signal could be measured for this video");
        }
        List<SignalResult> breakdown = new ArrayList<>();
        double total = 0;
        for (Signal signal : Signal.values()) {
            double weight = policy.weightOf(signal);
            Double score = scores.get(signal).orElse(null);
            double effective = score == null ? 0 : weight / presentWeight;
            double contribution = score == null ? 0 : effective * score;
            total += contribution;
            breakdown.add(new SignalResult(signal, score, weight, effective, contribution));
        }
        total = Math.min(1, Math.max(0, total));
        return new ValidationDecision(outcome(total >= policy.threshold(), proven(policy, scores), unproven), total, policy.threshold(),
                breakdown, ValidationDecision.Kind.AUTOMATIC, null, null, now);
    }

    private static boolean proven(ValidationPolicy policy, SignalScores scores) {
        return weighed(policy, scores, Signal.PARTICIPATION) || weighed(policy, scores, Signal.VISUAL_SIMILARITY);
    }

    private static boolean weighed(ValidationPolicy policy, SignalScores scores, Signal signal) {
        return scores.get(signal).isPresent() && policy.weightOf(signal) > 0;
    }

    private static Outcome outcome(boolean passes, boolean proven, UnprovenParticipation unproven) {
        if (!passes) {
            return Outcome.REJECTED;
        }
        if (proven) {
            return Outcome.ACCEPTED;
        }
        return switch (unproven) {
            case REVIEW -> Outcome.REVIEW;
            case ACCEPT -> Outcome.ACCEPTED;
            case REJECT -> Outcome.REJECTED;
        };
    }
}
