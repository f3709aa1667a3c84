package org.milkmobs.domain.validation;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.milkmobs.domain.InvalidValueException;

/**
 * How signals are weighed and where the bar is. A video is accepted when the weighted mean of the
 * signals it has reaches {@code threshold}; signals it lacks are left out and the others re-weighted,
 * so a missing signal never counts as a zero.
 */
public record ValidationPolicy(Map<Signal, Double> weights, double threshold) {

    public static final ValidationPolicy DEFAULT = new ValidationPolicy(Map.of(
            Signal.PARTICIPATION, 0.4, Signal.VISUAL_SIMILARITY, 0.25, Signal.OCR_KEYWORDS, 0.15,
            Signal.HASHTAGS, 0.15, Signal.AUDIO_PRESENCE, 0.05), 0.5);

    public ValidationPolicy {
        Objects.requireNonNull(weights, "weights");
        EnumMap<Signal, Double> copy = new EnumMap<>(Signal.class);
        for (Signal signal : Signal.values()) {
            double weight = weights.getOrDefault(signal, 0.0);
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new InvalidValueException("weights", "the weight of " + signal + " must be a finite number >= 0, got " + weight);
            }
            copy.put(signal, weight);
        }
        if (copy.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new InvalidValueException("weights", "at least one signal needs a weight above 0");
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new InvalidValueException("threshold", "the threshold lies in [0, 1], got " + threshold);
        }
        weights = Map.copyOf(copy);
    }

    public double weightOf(Signal signal) {
        return weights.get(signal);
    }
}
