package org.milkmobs.domain.events;

import java.time.Duration;
import java.util.Map;

/**
 * Events out in numbers: events not yet published, webhook deliveries by state, attempts by outcome and the
 * latency of attempts (p50, p95) in the recent window.
 */
public record EventStats(long unpublishedEvents, Map<String, Long> deliveriesByState, long attemptsSucceeded, long attemptsFailed,
                         Duration latencyP50, Duration latencyP95) {

    public EventStats {
        deliveriesByState = Map.copyOf(deliveriesByState);
    }

    /** Events waiting to leave: unpublished ones and deliveries not yet made. */
    public long pending() {
        return unpublishedEvents + deliveriesByState.getOrDefault("AVAILABLE", 0L) + deliveriesByState.getOrDefault("RUNNING", 0L);
    }
}
