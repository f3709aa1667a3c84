package org.milkmobs.adapters.rest.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.milkmobs.adapters.rest.Roles;
import org.milkmobs.adapters.rest.events.WebhookModels.FailingSubscriptionResponse;
import org.milkmobs.adapters.rest.security.CallerResolver;
import org.milkmobs.application.port.OperationsStats;
import org.milkmobs.application.port.in.admin.AdminStatsUseCase;
import org.milkmobs.application.port.in.events.WebhookAdminUseCase;
import org.milkmobs.domain.events.FailingSubscription;

@Path("/admin/stats")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminStatsResource {

    @Inject
    AdminStatsUseCase stats;

    @Inject
    WebhookAdminUseCase webhooks;

    @Inject
    CallerResolver callers;

    @GET
    public StatsResponse get() {
        return StatsResponse.from(stats.operations(), webhooks.failing(callers.current()));
    }

    public record StatsResponse(Instant at, Map<String, Long> videosByStatus, long mobs, long mobMembers,
                                Double averageScore,
                                Map<String, Double> averageSignalScores,
                                LatencyResponse pipelineLatency,
                                Map<String, Long> failuresByReason, Map<String, Long> jobsByState, Map<String, BigDecimal> costByModel,
                                List<FailingSubscriptionResponse> failingWebhooks) {

        static StatsResponse from(OperationsStats s, List<FailingSubscription> failing) {
            return new StatsResponse(s.at(), names(s.videosByStatus()), s.mobs(), s.mobMembers(),
                    s.averageScore().isPresent() ? s.averageScore().getAsDouble() : null, s.averageSignalScores(),
                    s.pipelineLatency().map(l -> new LatencyResponse(l.p50().toMillis() / 1000.0, l.p95().toMillis() / 1000.0, l.workflows()))
                            .orElse(null),
                    names(s.failuresByReason()), names(s.jobsByState()), s.costByModel(),
                    failing.stream().map(FailingSubscriptionResponse::from).toList());
        }

        private static <E extends Enum<E>> Map<String, Long> names(Map<E, Long> counts) {
            Map<String, Long> named = new LinkedHashMap<>();
            counts.forEach((key, count) -> named.put(key.name(), count));
            return named;
        }
    }

    public record LatencyResponse(double p50Seconds, double p95Seconds, long workflows) {
    }
}
