package org.milkmobs.bootstrap.metrics;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.milkmobs.application.port.OperationsStats;
import org.milkmobs.application.port.in.admin.AdminStatsUseCase;
import org.milkmobs.application.port.in.budget.BudgetAdminUseCase.BudgetView;
import org.milkmobs.application.port.in.budget.BudgetAdminUseCase;
import org.milkmobs.domain.budget.BudgetStanding;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.video.VideoStatus;

/**
 * The operational numbers as MicroProfile Metrics gauges (at {@code /metrics}): cost per model, remaining
 * budget per window, jobs by state, videos by status, pipeline latency. They are read from the database,
 * at most once per {@link #MAX_AGE_MILLIS} however often they are scraped; gauges for models and windows
 * that appear later are registered as they appear.
 */
@ApplicationScoped
public class OperationsMetrics {

    private static final Logger LOG = Logger.getLogger(OperationsMetrics.class.getName());
    static final long MAX_AGE_MILLIS = 5_000;

    @Inject
    MetricRegistry registry;

    @Inject
    AdminStatsUseCase stats;

    @Inject
    BudgetAdminUseCase budget;

    /** The HELP line of each gauge on /metrics: what it counts, in the unit its name ends with. */
    static final Map<String, String> HELP = Map.of(
            "milkmobs_jobs", "Pipeline jobs in the job table, by state",
            "milkmobs_videos", "Videos, by lifecycle status",
            "milkmobs_pipeline_latency_p50_seconds", "Median time from upload completion to the end of a video's workflow",
            "milkmobs_pipeline_latency_p95_seconds", "95th percentile of the time from upload completion to the end of a video's workflow",
            "milkmobs_budget_reservations_held", "Budget reservations held by model calls in flight",
            "milkmobs_model_cost_usd_total", "Cost of paid model calls so far, in US dollars, by model",
            "milkmobs_budget_remaining_usd", "Room left under a budget ceiling in its current window, in US dollars (-1: no ceiling)");

    private final Set<String> registered = new HashSet<>();
    private Snapshot snapshot;
    private long readAt;

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 700) @Initialized(ApplicationScoped.class) Object ignored) {
        for (JobState state : JobState.values()) {
            gauge("milkmobs_jobs", s -> s.operations().jobsByState().getOrDefault(state, 0L), new Tag("state", state.name().toLowerCase()));
        }
        for (VideoStatus status : VideoStatus.values()) {
            gauge("milkmobs_videos", s -> s.operations().videosByStatus().getOrDefault(status, 0L),
                    new Tag("status", status.name().toLowerCase()));
        }
        gauge("milkmobs_pipeline_latency_p50_seconds", s -> s.operations().pipelineLatency().map(l -> l.p50().toMillis() / 1000.0).orElse(0.0));
        gauge("milkmobs_pipeline_latency_p95_seconds", s -> s.operations().pipelineLatency().map(l -> l.p95().toMillis() / 1000.0).orElse(0.0));
        gauge("milkmobs_budget_reservations_held", s -> s.budget().heldReservations());
        refresh();
    }

    /** The latest numbers, read again when older than {@link #MAX_AGE_MILLIS}; registers gauges for new models and windows. */
    synchronized Snapshot refresh() {
        long now = System.currentTimeMillis();
        if (snapshot == null || now - readAt > MAX_AGE_MILLIS) {
            try {
                snapshot = new Snapshot(stats.operations(), budget.view());
                readAt = now;
                registerDynamic(snapshot);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "metrics could not be read; the previous figures stay", e);
                if (snapshot == null) {
                    throw e;
                }
            }
        }
        return snapshot;
    }

    private void registerDynamic(Snapshot current) {
        for (String model : current.operations().costByModel().keySet()) {
            gauge("milkmobs_model_cost_usd_total", s -> s.operations().costByModel().getOrDefault(model, BigDecimal.ZERO).doubleValue(),
                    new Tag("model", model));
        }
        for (BudgetStanding standing : current.budget().windows()) {
            String scope = standing.window().scope().wireName();
            String period = standing.window().period().wireName();
            Function<Snapshot, Number> remaining = s -> s.budget().windows().stream()
                    .filter(w -> w.window().scope().wireName().equals(scope) && w.window().period().wireName().equals(period))
                    .findFirst().flatMap(BudgetStanding::remaining).map(BigDecimal::doubleValue).orElse(-1.0);
            gauge("milkmobs_budget_remaining_usd", remaining, new Tag("scope", scope), new Tag("period", period));
        }
    }

    private synchronized void gauge(String name, Function<Snapshot, Number> reading, Tag... tags) {
        StringBuilder id = new StringBuilder(name);
        for (Tag tag : tags) {
            id.append('|').append(tag.getTagName()).append('=').append(tag.getTagValue());
        }
        if (registered.add(id.toString())) {
            Metadata metadata = Metadata.builder().withName(name).withDescription(HELP.get(name)).build();
            registry.gauge(metadata, () -> reading.apply(refresh()).doubleValue(), tags);
        }
    }

    record Snapshot(OperationsStats operations, BudgetView budget) {
    }
}
