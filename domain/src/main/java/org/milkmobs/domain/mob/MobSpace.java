package org.milkmobs.domain.mob;

import java.util.Locale;
import java.util.Map;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;

/**
 * The vector space a set of mobs lives in: the embedding model, its dimension and the modality weights that fuse a
 * video's vectors (for example {@code local-perceptual-v1/128/visual=1.0}). Vectors of different spaces are never
 * compared, so mobs of one space never take members of another; a change of model or weights starts a new space.
 */
public record MobSpace(String key) {

    public MobSpace {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a mob space has a name");
        }
    }

    /** The space of the model's vectors fused by {@code weights}: the modalities of positive weight, in modality order. */
    public static MobSpace of(EmbeddingModel model, ModalityWeights weights) {
        StringBuilder key = new StringBuilder(model.id()).append('/').append(model.dimension());
        for (Modality modality : Modality.values()) {
            double weight = weights.weights().getOrDefault(modality, 0.0);
            if (weight > 0) {
                key.append('/').append(modality.name().toLowerCase(Locale.ROOT)).append('=').append(weights.weights().get(modality));
            }
        }
        return new MobSpace(key.toString());
    }

    /** The modalities this space fuses, each with its length in the fused vector. */
    public static Map<Modality, Integer> dimensions(EmbeddingModel model, ModalityWeights weights) {
        Map<Modality, Integer> dimensions = new java.util.LinkedHashMap<>();
        for (Modality modality : Modality.values()) {
            if (weights.weights().getOrDefault(modality, 0.0) > 0) {
                dimensions.put(modality, model.dimension());
            }
        }
        return dimensions;
    }

    @Override
    public String toString() {
        return key;
    }
}
