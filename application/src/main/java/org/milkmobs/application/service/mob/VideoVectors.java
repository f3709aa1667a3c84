package org.milkmobs.application.service.mob;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.video.VideoId;

/**
 * One vector per video for mobs: the active model's asset embeddings, fused across modalities by their
 * weights. Its space is named after the model and the weights, so mobs of different spaces never mix.
 */
public class VideoVectors {

    private final EmbeddingStore embeddings;
    private final EmbeddingModel model;
    private final ModalityWeights weights;

    public VideoVectors(EmbeddingStore embeddings, EmbeddingModel model, ModalityWeights weights) {
        this.embeddings = embeddings;
        this.model = model;
        this.weights = weights;
    }

    public MobSpace space() {
        return MobSpace.of(model, weights);
    }

    public EmbeddingModel model() {
        return model;
    }

    /** The video's fused asset vector, or empty when it has no visual asset embedding of the model. */
    public Optional<float[]> of(VideoId video) {
        Map<Modality, float[]> assets = assets(embeddings.findEmbeddings(video, model));
        if (!assets.containsKey(Modality.VISUAL)) {
            return Optional.empty();
        }
        return Optional.of(weights.fuse(assets, MobSpace.dimensions(model, weights)));
    }

    public static Map<Modality, float[]> assets(List<Embedding> embeddings) {
        Map<Modality, float[]> assets = new EnumMap<>(Modality.class);
        embeddings.stream().filter(e -> e.scope() == Scope.ASSET).forEach(e -> assets.put(e.modality(), e.vector()));
        return assets;
    }
}
