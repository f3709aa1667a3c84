package org.milkmobs.adapters.rest.budget;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.milkmobs.adapters.rest.Roles;
import org.milkmobs.adapters.rest.problem.Problem;
import org.milkmobs.adapters.rest.problem.Problems;
import org.milkmobs.adapters.rest.support.QueryParams;
import org.milkmobs.application.port.in.admin.AdminStatsUseCase;
import org.milkmobs.application.port.in.admin.AdminStatsUseCase.UsageSeries;
import org.milkmobs.domain.usage.UsageGrouping;
import org.milkmobs.domain.usage.UsageTotals;

@Path("/admin/usage-stats")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "budget", description = "Cost ceilings, reservations and usage")
@APIResponse(responseCode = "403", description = "The caller is not an admin",
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class UsageStatsResource {

    @Inject
    AdminStatsUseCase stats;

    @GET
    @Operation(operationId = "adminUsageStats", summary = "Invocations, units, tokens and cost of paid model calls, per day (and model or operation)")
    @APIResponse(responseCode = "200", description = "The series, oldest first, and its total",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UsageStatsResponse.class)))
    @APIResponse(responseCode = "400", description = "from/to are not instants, from is not before to, or groupBy is unknown",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UsageStatsResponse usage(
            @Parameter(description = "ISO-8601 instant, inclusive; default 30 days before to") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 instant, exclusive; default now") @QueryParam("to") String to,
            @Parameter(description = "model, operation or day (default)") @QueryParam("groupBy") String groupBy) {
        UsageGrouping grouping = groupBy == null || groupBy.isBlank() ? UsageGrouping.DAY : UsageGrouping.fromWireName(groupBy);
        return UsageStatsResponse.from(stats.usage(QueryParams.instant("from", from), QueryParams.instant("to", to), grouping));
    }

    @Schema(name = "UsageStats")
    public record UsageStatsResponse(Instant from, Instant to, @Schema(enumeration = {"model", "operation", "day"}) String groupBy,
                                     List<UsageBucket> series, UsageBucket total) {

        static UsageStatsResponse from(UsageSeries series) {
            return new UsageStatsResponse(series.from(), series.to(), series.groupBy().wireName(),
                    series.buckets().stream().map(UsageBucket::from).toList(), UsageBucket.from(series.total()));
        }
    }

    @Schema(name = "UsageBucket", description = "One day (UTC) and, when grouped so, one model or operation (key)")
    public record UsageBucket(LocalDate day, String key, long invocations, long failures, double mediaSeconds, double inputTokens,
                              double images, long outputTokens, BigDecimal costUsd) {

        static UsageBucket from(UsageTotals t) {
            return new UsageBucket(t.day(), t.key().orElse(null), t.invocations(), t.failures(), t.mediaSeconds(), t.inputTokens(), t.images(),
                    t.outputTokens(), t.costUsd());
        }
    }
}
