package org.milkmobs.domain.search;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.milkmobs.domain.InvalidValueException;

/**
 * How a hybrid search merges its vector and full-text rankings. {@code RRF} (reciprocal rank fusion) uses the
 * ranks only, so it needs no calibration; {@code RELATIVE} (relative score fusion) scales each leg's scores
 * to [0, 1] by its best and worst hit and weighs them, {@code alpha} for the vector leg and
 * {@code 1 - alpha} for full text, so a leg's confidence, not only its order, counts. A hit one leg misses
 * scores 0 in that leg.
 */
public record Fusion(Method method, double alpha) {

    public enum Method { RRF, RELATIVE }

    public static final double DEFAULT_ALPHA = 0.5;
    public static final Fusion RRF = new Fusion(Method.RRF, DEFAULT_ALPHA);

    public Fusion {
        Objects.requireNonNull(method, "method");
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new InvalidValueException("alpha", "alpha (the vector leg's weight) lies in [0, 1], got " + alpha);
        }
    }

    public static Fusion relative(double alpha) {
        return new Fusion(Method.RELATIVE, alpha);
    }

    /** The fused score of every item of either leg, in [0, 1]; the legs map items to their own scores. */
    public <T> Map<T, Double> fuse(Map<T, Double> vector, java.util.List<T> vectorOrder, Map<T, Double> fullText,
                                   java.util.List<T> fullTextOrder) {
        if (method == Method.RRF) {
            return ReciprocalRankFusion.fuseNormalised(java.util.List.of(vectorOrder, fullTextOrder));
        }
        Map<T, Double> v = scaled(vector);
        Map<T, Double> t = scaled(fullText);
        Map<T, Double> fused = new HashMap<>();
        for (T item : union(vector.keySet(), fullText.keySet())) {
            fused.put(item, alpha * v.getOrDefault(item, 0.0) + (1 - alpha) * t.getOrDefault(item, 0.0));
        }
        return fused;
    }

    /** Min-max scaled into [0, 1]; a leg whose scores are all equal scales them to 1. */
    static <T> Map<T, Double> scaled(Map<T, Double> scores) {
        double min = scores.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Map<T, Double> scaled = new HashMap<>();
        scores.forEach((item, score) -> scaled.put(item, max > min ? (score - min) / (max - min) : 1.0));
        return scaled;
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
