package org.milkmobs.domain.validation;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.domain.InvalidValueException;

/** The signals measured for one video, each in [0, 1]; a signal that could not be measured is absent. */
public final class SignalScores {

    private final EnumMap<Signal, Double> scores = new EnumMap<>(Signal.class);

    public SignalScores with(Signal signal, double score) {
        if (!(score >= 0 && score <= 1)) {
            throw new InvalidValueException("score", signal + " must score in [0, 1], got " + score);
        }
        scores.put(signal, score);
        return this;
    }

    public SignalScores withOptional(Signal signal, Optional<Double> score) {
        score.ifPresent(s -> with(signal, s));
        return this;
    }

    public Optional<Double> get(Signal signal) {
        return Optional.ofNullable(scores.get(signal));
    }

    public Map<Signal, Double> asMap() {
        return Map.copyOf(scores);
    }
}
