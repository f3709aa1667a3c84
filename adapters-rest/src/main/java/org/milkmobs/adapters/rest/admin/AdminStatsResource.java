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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.milkmobs.adapters.rest.Roles;
import org.milkmobs.adapters.rest.problem.Problem;
import org.milkmobs.adapters.rest.problem.Problems;
import org.milkmobs.application.port.OperationsStats;
import org.milkmobs.application.port.in.admin.AdminStatsUseCase;

@Path("/admin/stats")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "The admin dashboard")
@APIResponse(responseCode = "403", description = "The caller is not an admin",
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AdminStatsResource {

    @Inject
    AdminStatsUseCase stats;

    @GET
    @Operation(operationId = "adminStats", summary = "Videos by status, mobs, average scores, pipeline latency, failures by reason, jobs, cost")
    @APIResponse(responseCode = "200", description = "The numbers now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatsResponse.class)))
    public StatsResponse get() {
        return StatsResponse.from(stats.operations());
    }

    @Schema(name = "AdminStats")
    public record StatsResponse(Instant at, Map<String, Long> videosByStatus, long mobs, long mobMembers,
                                @Schema(description = "Mean validation score of the decisions in force; null when none") Double averageScore,
                                Map<String, Double> averageSignalScores,
                                @Schema(description = "Start-to-finish time of the latest finished workflows; null when none") LatencyResponse pipelineLatency,
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

    @Schema(name = "PipelineLatency")
    public record LatencyResponse(double p50Seconds, double p95Seconds, long workflows) {
    }
}
