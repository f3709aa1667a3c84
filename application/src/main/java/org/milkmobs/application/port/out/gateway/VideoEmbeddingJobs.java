package org.milkmobs.application.port.out.gateway;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.milkmobs.application.port.out.analysis.UploadedMedia;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.video.ContentHash;

/**
 * The gateway's embedding jobs of uploaded files: one per API key and content while it runs or once it is done,
 * with the embedder's state (Marengo's invocation) while it runs and the vectors once it is done.
 */
public interface VideoEmbeddingJobs {

    /** Stores a new job; false when a job with its id exists (a concurrent identical upload stored it first). */
    boolean add(VideoEmbeddingJob job);

    Optional<VideoEmbeddingJob> byId(String id);

    /** This key's jobs of this content and model, newest first (failed ones included). */
    List<VideoEmbeddingJob> ofKey(String apiKeyId, String model, ContentHash content);

    /** Any key's job of this content and model that is done, or else one that is running. */
    Optional<VideoEmbeddingJob> anyUsable(String model, ContentHash content);

    /** Keeps the state of a running job. */
    void updateState(String id, Map<String, String> state, Instant at);

    /** Completes a running job with its vectors (a job already done or failed is left as it is). */
    void complete(String id, List<Embedding> vectors, Instant at);

    /** Fails a running job with the reason (a job already done or failed is left as it is). */
    void fail(String id, String reason, Instant at);

    enum JobStatus { RUNNING, DONE, FAILED }

    /**
     * @param mediaSeconds what was paid for (or would have been, for a job that shares another's invocation)
     * @param failure why it failed, for a failed job
     */
    record VideoEmbeddingJob(String id, String apiKeyId, String model, ContentHash content, UploadedMedia.Kind kind, double mediaSeconds,
                             long sizeBytes, JobStatus status, Map<String, String> state, List<Embedding> vectors, Optional<String> failure,
                             Instant createdAt, Instant updatedAt) {
        public VideoEmbeddingJob {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(apiKeyId, "apiKeyId");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(status, "status");
            state = Map.copyOf(state);
            vectors = List.copyOf(vectors);
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(updatedAt, "updatedAt");
        }

        /** A job that runs, with the embedder's state. */
        public static VideoEmbeddingJob running(String id, UploadedMedia media, String model, Map<String, String> state, Instant at) {
            return new VideoEmbeddingJob(id, media.apiKeyId(), model, media.contentHash(), media.kind(), media.seconds(), media.sizeBytes(),
                    JobStatus.RUNNING, state, List.of(), Optional.empty(), at, at);
        }

        /** A job done at once (an embedder that answers in one call). */
        public static VideoEmbeddingJob done(String id, UploadedMedia media, String model, List<Embedding> vectors, Instant at) {
            return new VideoEmbeddingJob(id, media.apiKeyId(), model, media.contentHash(), media.kind(), media.seconds(), media.sizeBytes(),
                    JobStatus.DONE, Map.of(), vectors, Optional.empty(), at, at);
        }
    }
}
