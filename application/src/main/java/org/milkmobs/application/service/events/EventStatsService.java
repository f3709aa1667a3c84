package org.milkmobs.application.service.events;

import java.time.Clock;
import java.time.Duration;
import org.milkmobs.application.port.in.events.EventStatsUseCase;
import org.milkmobs.application.port.out.events.EventLog;
import org.milkmobs.application.port.out.events.WebhookDeliveries.DeliveryStats;
import org.milkmobs.application.port.out.events.WebhookDeliveries;
import org.milkmobs.domain.events.EventStats;

/** Reads the numbers of events out; attempts and their latency over the last hour. */
public class EventStatsService implements EventStatsUseCase {

    static final Duration WINDOW = Duration.ofHours(1);

    private final EventLog log;
    private final WebhookDeliveries deliveries;
    private final Clock clock;

    public EventStatsService(EventLog log, WebhookDeliveries deliveries, Clock clock) {
        this.log = log;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public EventStats current() {
        DeliveryStats stats = deliveries.stats(clock.instant().minus(WINDOW));
        return new EventStats(log.unpublished(), stats.byState(), stats.succeeded(), stats.failed(), stats.latencyP50(), stats.latencyP95());
    }
}
