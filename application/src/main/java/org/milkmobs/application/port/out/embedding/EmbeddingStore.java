package org.milkmobs.application.port.out.embedding;

import java.util.List;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.video.VideoId;

/** A video's embeddings, per model. */
public interface EmbeddingStore {

    /**
     * Makes {@code embeddings} the video's vectors of {@code model}: idempotent, and other models' vectors
     * are left alone.
     */
    void replaceEmbeddings(VideoId video, EmbeddingModel model, List<Embedding> embeddings);

    /** The video's vectors of {@code model}, ordered by modality, scope and start. */
    List<Embedding> findEmbeddings(VideoId video, EmbeddingModel model);
}
