package org.milkmobs.domain.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.milkmobs.domain.video.VideoId;

/**
 * One invocation of a paid model, successful or not: what it was for, what it consumed and what it is
 * estimated to cost. A failed invocation records its error code and costs nothing (Bedrock does not bill
 * refused or failed calls).
 *
 * @param subject the video the call served, or for a search query the query's reference
 * @param requestToken the idempotency token sent with an asynchronous invocation, when there was one
 */
public record UsageRecord(Instant at, String model, ModelOperation operation, Map<PricedUnit, Double> units, long outputTokens,
                          Duration latency, BigDecimal cost, Optional<String> errorCode, Subject subject, Optional<String> requestToken) {

    public UsageRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(operation, "operation");
        units = units.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(units));
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(requestToken, "requestToken");
        if (outputTokens < 0 || cost.signum() < 0 || latency.isNegative()) {
            throw new IllegalArgumentException("usage figures are never negative");
        }
        units.values().forEach(quantity -> {
            if (!(quantity >= 0) || !Double.isFinite(quantity)) {
                throw new IllegalArgumentException("usage quantities are finite and never negative, got " + quantity);
            }
        });
    }

    public boolean succeeded() {
        return errorCode.isEmpty();
    }

    /**
     * What a call served: a video of the pipeline, or a search query.
     *
     * @param apiKey the gateway API key the call was made for, if any: its spending counts in the key's budget scope
     */
    public record Subject(Optional<VideoId> video, Optional<String> query, Optional<String> apiKey) {

        public Subject {
            Objects.requireNonNull(video, "video");
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(apiKey, "apiKey");
        }

        public Subject(Optional<VideoId> video, Optional<String> query) {
            this(video, query, Optional.empty());
        }

        /** A gateway request made with the API key {@code apiKeyId}. */
        public static Subject forApiKey(String reference, String apiKeyId) {
            return new Subject(Optional.empty(), Optional.of(reference), Optional.of(apiKeyId));
        }

        /** The same subject, made for the API key {@code apiKeyId}. */
        public Subject withApiKey(String apiKeyId) {
            return new Subject(video, query, Optional.of(apiKeyId));
        }

        public static Subject video(VideoId video) {
            return new Subject(Optional.of(video), Optional.empty());
        }

        public static Subject query(String reference) {
            return new Subject(Optional.empty(), Optional.of(reference));
        }
    }
}
