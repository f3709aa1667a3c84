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
import java.util.Map;
import org.milkmobs.adapters.rest.Roles;
import org.milkmobs.application.port.OperationsStats;
import org.milkmobs.application.port.in.admin.AdminStatsUseCase;

@Path("/admin/stats")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminStatsResource {

    @Inject
    AdminStatsUseCase stats;

    @GET
    public StatsResponse get() {
        return StatsResponse.from(stats.operations());
    }

    public record StatsResponse(Instant at, Map<String, Long> videosByStatus, long mobs, long mobMembers,
                                Double averageScore,
                                Map<String, Double> averageSignalScores,
                                LatencyResponse pipelineLatency,
                                Map<String, Long> failuresByReason, Map<String, Long> jobsByState, Map<String, BigDecimal> costByModel) {

        static StatsResponse from(OperationsStats s) {
            return new StatsResponse(s.at(), names(s.videosByStatus()), s.mobs(), s.mobMembers(),
                    s.averageScore().isPresent() ? s.averageScore().getAsDouble() : null, s.averageSignalScores(),
                    s.pipelineLatency().map(l -> new LatencyResponse(l.p50().toMillis() / 1000.0, l.p95().toMillis() / 1000.0, l.workflows()))
                            .orElse(null),
                    names(s.failuresByReason()), names(s.jobsByState()), s.costByModel());
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
