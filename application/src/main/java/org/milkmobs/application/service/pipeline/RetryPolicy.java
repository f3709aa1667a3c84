package org.milkmobs.application.service.pipeline;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long a job holds its lease and how retries back off: exponential with "full jitter" (a uniform
 * random delay between zero and min(max, base · 2^(attempt-1))), which spreads a burst of failures out
 * instead of retrying it in lock-step.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration lease) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(lease, "lease");
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0 || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay and a positive lease");
        }
    }

    /** The upper bound of the delay after the given (1-based) failed attempt: base · 2^(attempt-1), capped. */
    public Duration ceilingAfter(int attempt) {
        long max = maxDelay.toMillis();
        long ceiling = baseDelay.toMillis();
        for (int i = 1; i < attempt && ceiling < max; i++) {
            ceiling *= 2;
        }
        return Duration.ofMillis(Math.min(max, ceiling));
    }

    public Duration delayAfter(int attempt, RandomGenerator random) {
        long ceiling = ceilingAfter(attempt).toMillis();
        return Duration.ofMillis(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
    }
}
