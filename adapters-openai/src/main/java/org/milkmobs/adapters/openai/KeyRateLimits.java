package org.milkmobs.adapters.openai;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A token bucket per API key (Bucket4j, as the /api rate limits): {@code gateway.rate-limit.requests} per
 * {@code gateway.rate-limit.period}, refilled continuously. Keys are few and long-lived, so buckets are kept.
 */
@ApplicationScoped
public class KeyRateLimits {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private Bandwidth allowance;

    protected KeyRateLimits() {
        // for CDI's proxy
    }

    @Inject
    public KeyRateLimits(@ConfigProperty(name = "gateway.rate-limit.requests") long requests,
                         @ConfigProperty(name = "gateway.rate-limit.period") String period) {
        Duration every = Duration.parse(period);
        if (requests < 1 || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("gateway.rate-limit needs at least 1 request per positive period");
        }
        this.allowance = Bandwidth.builder().capacity(requests).refillGreedy(requests, every).build();
    }

    /** Takes one request from the key's allowance; empty if granted, else how long until one would be. */
    public Optional<Duration> acquire(String keyId) {
        ConsumptionProbe probe = buckets.computeIfAbsent(keyId, k -> Bucket.builder().addLimit(allowance).build())
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
