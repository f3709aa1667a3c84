package org.milkmobs.domain.embedding;

import java.util.EnumMap;
import java.util.Map;

/**
 * How much each modality counts when two videos are compared: a weighted mean of the per-modality
 * cosine similarities, over the modalities both videos have (a missing modality re-weights the others).
 */
public record ModalityWeights(Map<Modality, Double> weights) {

    public static final ModalityWeights DEFAULT = new ModalityWeights(Map.of(Modality.VISUAL, 0.7, Modality.AUDIO, 0.3));

    public ModalityWeights {
        weights = Map.copyOf(weights);
        weights.values().forEach(w -> {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("a modality weight is a finite number >= 0");
            }
        });
    }

    /** The weighted mean of the scores present; empty input scores 0. */
    public double combine(Map<Modality, Double> scores) {
        double sum = 0;
        double weight = 0;
        for (Map.Entry<Modality, Double> score : scores.entrySet()) {
            double w = weights.getOrDefault(score.getKey(), 0.0);
            sum += w * score.getValue();
            weight += w;
        }
        return weight == 0 ? 0 : sum / weight;
    }

    /**
     * One vector per video for clustering: each modality's unit asset vector scaled by the square root of
     * its weight and concatenated, so the dot product of two fused vectors is the weighted sum of their
     * per-modality cosines. {@code dimensions} gives each modality's length (absent ones are zeros).
     */
    public float[] fuse(Map<Modality, float[]> assets, Map<Modality, Integer> dimensions) {
        int total = dimensions.values().stream().mapToInt(Integer::intValue).sum();
        float[] fused = new float[total];
        int offset = 0;
        for (Map.Entry<Modality, Integer> part : new EnumMap<>(dimensions).entrySet()) {
            float[] vector = assets.get(part.getKey());
            if (vector != null) {
                float[] unit = Vectors.normalised(vector);
                float scale = (float) Math.sqrt(weights.getOrDefault(part.getKey(), 0.0));
                for (int i = 0; i < part.getValue(); i++) {
                    fused[offset + i] = unit[i] * scale;
                }
            }
            offset += part.getValue();
        }
        return Vectors.normalised(fused);
    }
}
