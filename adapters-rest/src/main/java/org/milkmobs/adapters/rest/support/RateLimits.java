package org.milkmobs.adapters.rest.support;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.Config;

/**
 * Per-user token buckets (Bucket4j), one per {@link RateLimited.Kind}: {@code rate-limit.<kind>.requests} per
 * {@code rate-limit.<kind>.period}, refilled continuously, so a user may burst up to the whole allowance and then
 * gets it back gradually. The buckets live in this node's memory (the service runs as one node; ADR 0013).
 */
@ApplicationScoped
public class RateLimits {

    /** A full bucket is the same as no bucket, so idle users' buckets are dropped once this many are kept. */
    private static final int SWEEP_ABOVE = 10_000;

    private final Map<RateLimited.Kind, Bandwidth> limits = new EnumMap<>(RateLimited.Kind.class);
    private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();
    private final int sweepFloor;
    /** When the next sweep is due: it doubles with what a sweep keeps, so busy users never make every request sweep. */
    private final AtomicInteger sweepAbove;

    protected RateLimits() {
        // for CDI's proxy
        this.sweepFloor = SWEEP_ABOVE;
        this.sweepAbove = new AtomicInteger(SWEEP_ABOVE);
    }

    @Inject
    public RateLimits(Config config) {
        this(allowances(config), SWEEP_ABOVE);
    }

    RateLimits(Map<RateLimited.Kind, Allowance> allowances, int sweepAbove) {
        this.sweepFloor = sweepAbove;
        this.sweepAbove = new AtomicInteger(sweepAbove);
        allowances.forEach((kind, allowance) -> limits.put(kind,
                Bandwidth.builder().capacity(allowance.requests()).refillGreedy(allowance.requests(), allowance.period()).build()));
    }

    /** So many requests per period. */
    record Allowance(long requests, Duration period) {
        Allowance {
            if (requests < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit needs at least 1 request per positive period, not " + requests + " per " + period);
            }
        }
    }

    private static Map<RateLimited.Kind, Allowance> allowances(Config config) {
        Map<RateLimited.Kind, Allowance> allowances = new EnumMap<>(RateLimited.Kind.class);
        for (RateLimited.Kind kind : RateLimited.Kind.values()) {
            String prefix = "rate-limit." + kind.wireName();
            allowances.put(kind, new Allowance(config.getValue(prefix + ".requests", Long.class),
                    Duration.parse(config.getValue(prefix + ".period", String.class))));
        }
        return allowances;
    }

    /** Takes one request from the user's allowance; empty if granted, else how long until one would be. */
    public Optional<Duration> acquire(RateLimited.Kind kind, String user) {
        int due = sweepAbove.get();
        if (buckets.size() > due && sweepAbove.compareAndSet(due, Integer.MAX_VALUE)) {
            buckets.entrySet().removeIf(idle -> idle.getValue().getAvailableTokens() >= limits.get(idle.getKey().kind()).getCapacity());
            sweepAbove.set(Math.max(sweepFloor, 2 * buckets.size()));
        }
        Bucket bucket = buckets.computeIfAbsent(new Key(kind, user), key -> Bucket.builder().addLimit(limits.get(kind)).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private record Key(RateLimited.Kind kind, String user) {
    }
}
