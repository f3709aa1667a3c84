package org.milkmobs.application.port.out.analysis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;

/**
 * The embed step's analyzer: Marengo (asynchronous: it starts a job, then is polled) or the local
 * perceptual model (done in one call). Between calls the pipeline keeps the analyzer's {@code state}.
 */
public interface VideoEmbedder {

    EmbeddingModel model();

    /**
     * Starts or continues embedding {@code media}. The first call gets an empty {@code state}; a
     * {@link Progress.Pending} answer is called again after its delay with the state it returned.
     *
     * @throws AnalysisFailedException when the video cannot be embedded
     */
    Progress embed(VideoMedia media, Map<String, String> state);

    sealed interface Progress {
        record Done(List<Embedding> embeddings) implements Progress {
            public Done {
                embeddings = List.copyOf(embeddings);
            }
        }

        record Pending(Map<String, String> state, Duration pollAfter) implements Progress {
            public Pending {
                state = Map.copyOf(state);
            }
        }
    }
}
