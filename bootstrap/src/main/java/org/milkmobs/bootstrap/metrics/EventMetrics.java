package org.milkmobs.bootstrap.metrics;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.milkmobs.adapters.rest.events.SseHub;
import org.milkmobs.application.port.in.events.EventStatsUseCase;
import org.milkmobs.domain.events.EventStats;

/**
 * Events out as gauges (ADR 0016): events pending, webhook deliveries by state, attempts by outcome and their
 * latency over the last hour, and this instance's open event streams. Read from the database at most every 5 s.
 */
@ApplicationScoped
public class EventMetrics {

    private static final Logger LOG = Logger.getLogger(EventMetrics.class.getName());
    private static final String[] STATES = {"AVAILABLE", "RUNNING", "SUCCEEDED", "DEAD"};
    /** The HELP line of each gauge: what it counts, so a dashboard needs no other documentation. */
    static final Map<String, String> HELP = Map.of(
            "milkmobs_events_pending", "Events in the outbox not yet published to streams and webhooks",
            "milkmobs_webhook_deliveries", "Webhook deliveries, by state",
            "milkmobs_webhook_attempts_last_hour", "Webhook delivery attempts in the last hour, by outcome",
            "milkmobs_webhook_latency_p50_seconds", "Median latency of webhook delivery attempts in the last hour",
            "milkmobs_webhook_latency_p95_seconds", "95th percentile latency of webhook delivery attempts in the last hour",
            "milkmobs_event_streams_open", "Server-sent event streams open on this instance");

    @Inject
    MetricRegistry registry;

    @Inject
    EventStatsUseCase stats;

    @Inject
    SseHub hub;

    private EventStats snapshot;
    private long readAt;

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 700) @Initialized(ApplicationScoped.class) Object ignored) {
        gauge("milkmobs_events_pending", EventStats::pending);
        for (String state : STATES) {
            gauge("milkmobs_webhook_deliveries", s -> s.deliveriesByState().getOrDefault(state, 0L), new Tag("state", state.toLowerCase()));
        }
        gauge("milkmobs_webhook_attempts_last_hour", EventStats::attemptsSucceeded, new Tag("outcome", "success"));
        gauge("milkmobs_webhook_attempts_last_hour", EventStats::attemptsFailed, new Tag("outcome", "failure"));
        gauge("milkmobs_webhook_latency_p50_seconds", s -> s.latencyP50().toMillis() / 1000.0);
        gauge("milkmobs_webhook_latency_p95_seconds", s -> s.latencyP95().toMillis() / 1000.0);
        registry.gauge(metadata("milkmobs_event_streams_open"), hub::openStreams);
    }

    private synchronized EventStats refresh() {
        long now = System.currentTimeMillis();
        if (snapshot == null || now - readAt > OperationsMetrics.MAX_AGE_MILLIS) {
            try {
                snapshot = stats.current();
                readAt = now;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "event metrics could not be read; the previous figures stay", e);
                if (snapshot == null) {
                    throw e;
                }
            }
        }
        return snapshot;
    }

    private void gauge(String name, Function<EventStats, Number> reading, Tag... tags) {
        registry.gauge(metadata(name), () -> reading.apply(refresh()).doubleValue(), tags);
    }

    private static Metadata metadata(String name) {
        return Metadata.builder().withName(name).withDescription(HELP.get(name)).build();
    }
}
