package org.milkmobs.application.port.out.analysis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.video.Fingerprint;

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

    /**
     * As {@link #embed}, for a file uploaded through the gateway: metered and budgeted under its API key, and a
     * invocation named by {@link UploadedMedia#jobId()}, so that a retried start is not paid again.
     *
     * @throws org.milkmobs.application.port.out.budget.BudgetExhaustedException when a ceiling (the key's included) has no room; nothing
     *         was called
     * @throws org.milkmobs.application.port.out.media.MediaRejectedException when this model cannot embed such a file (the local model
     *         and an audio file)
     * @throws AnalysisFailedException when the file cannot be embedded
     */
    Progress embedUpload(UploadedMedia media, Map<String, String> state);

    sealed interface Progress {
        /** The embeddings, and the picture's fingerprint when the embedder makes one (the local model; ADR 0030). */
        record Done(List<Embedding> embeddings, Optional<Fingerprint> fingerprint) implements Progress {
            public Done {
                embeddings = List.copyOf(embeddings);
                java.util.Objects.requireNonNull(fingerprint, "fingerprint");
            }

            public Done(List<Embedding> embeddings) {
                this(embeddings, Optional.empty());
            }
        }

        record Pending(Map<String, String> state, Duration pollAfter) implements Progress {
            public Pending {
                state = Map.copyOf(state);
            }
        }
    }
}
