package org.milkmobs.domain.validation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.milkmobs.domain.InvalidValueException;

/** Applies a {@link ValidationPolicy} to measured {@link SignalScores}. */
public final class Validator {

    private Validator() {
    }

    public static ValidationDecision decide(ValidationPolicy policy, SignalScores scores, Instant now) {
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
        return new ValidationDecision(total >= policy.threshold(), total, policy.threshold(), breakdown,
                ValidationDecision.Kind.AUTOMATIC, null, null, now);
    }
}
