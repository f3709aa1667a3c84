package org.milkmobs.application.port.out.search;

import java.time.Instant;
import java.util.Optional;
import org.milkmobs.domain.embedding.EmbeddingModel;

/**
 * Query vectors already paid for, by (model, kind, key): the key is a normalised text, or the SHA-256 of
 * an image or audio clip. An audio query Bedrock is still embedding is kept as pending, with the handle
 * that resumes it.
 */
public interface QueryEmbeddingCache {

    Optional<CachedQuery> find(EmbeddingModel model, QueryKind kind, String key);

    /** Records the entry, replacing an earlier one for the same key. */
    void store(EmbeddingModel model, QueryKind kind, String key, CachedQuery entry);

    /** Drops entries made before {@code before}; returns how many. */
    int forgetOlderThan(Instant before);

    enum QueryKind {
        TEXT,
        IMAGE,
        AUDIO,
        /** A text and an image embedded together, keyed by the SHA-256 of the normalised text and the image's SHA-256. */
        COMPOSED
    }

    /** Either a vector, or the handle of an embedding still being made. */
    record CachedQuery(Optional<float[]> vector, Optional<String> pendingHandle, Instant at) {

        public CachedQuery {
            if (vector.isPresent() == pendingHandle.isPresent()) {
                throw new IllegalArgumentException("a cached query has either a vector or a pending handle");
            }
        }

        public static CachedQuery ready(float[] vector, Instant at) {
            return new CachedQuery(Optional.of(vector.clone()), Optional.empty(), at);
        }

        public static CachedQuery pending(String handle, Instant at) {
            return new CachedQuery(Optional.empty(), Optional.of(handle), at);
        }
    }
}
