package org.milkmobs.application.testing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.video.VideoId;

public class InMemoryEmbeddingStore implements EmbeddingStore {

    static final Comparator<Embedding> ORDER = Comparator.comparing(Embedding::modality).thenComparing(Embedding::scope)
            .thenComparingDouble(e -> e.segment().startSeconds());

    private final Map<String, List<Embedding>> byVideoAndModel = new ConcurrentHashMap<>();

    @Override
    public void replaceEmbeddings(VideoId video, EmbeddingModel model, List<Embedding> embeddings) {
        embeddings.forEach(e -> {
            if (!e.model().equals(model)) {
                throw new IllegalArgumentException("an embedding of " + e.model() + " among those of " + model);
            }
        });
        byVideoAndModel.put(video + "|" + model.id(), embeddings.stream().sorted(ORDER).toList());
    }

    @Override
    public List<Embedding> findEmbeddings(VideoId video, EmbeddingModel model) {
        return byVideoAndModel.getOrDefault(video + "|" + model.id(), List.of());
    }

    /** The videos with embeddings of {@code model}: what the vector search twin searches. */
    public java.util.Set<VideoId> videos(EmbeddingModel model) {
        java.util.Set<VideoId> videos = new java.util.TreeSet<>();
        byVideoAndModel.keySet().stream().filter(key -> key.endsWith("|" + model.id()))
                .forEach(key -> videos.add(VideoId.parse(key.substring(0, key.indexOf('|')))));
        return videos;
    }
}
