package org.milkmobs.application.port.in.events;

import org.milkmobs.domain.events.EventStats;

/** Events out in numbers, for metrics: pending events, deliveries by state, attempts by outcome and latency (last hour). */
public interface EventStatsUseCase {

    EventStats current();
}
