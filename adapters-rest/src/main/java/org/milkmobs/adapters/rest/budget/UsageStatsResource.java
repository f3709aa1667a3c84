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
import org.milkmobs.adapters.rest.Roles;
import org.milkmobs.adapters.rest.support.QueryParams;
import org.milkmobs.application.port.in.admin.AdminStatsUseCase;
import org.milkmobs.application.port.in.admin.AdminStatsUseCase.UsageSeries;
import org.milkmobs.domain.usage.UsageGrouping;
import org.milkmobs.domain.usage.UsageTotals;

@Path("/admin/usage-stats")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UsageStatsResource {

    @Inject
    AdminStatsUseCase stats;

    @GET
    public UsageStatsResponse usage(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy) {
        UsageGrouping grouping = groupBy == null || groupBy.isBlank() ? UsageGrouping.DAY : UsageGrouping.fromWireName(groupBy);
        return UsageStatsResponse.from(stats.usage(QueryParams.instant("from", from), QueryParams.instant("to", to), grouping));
    }

    public record UsageStatsResponse(Instant from, Instant to, String groupBy,
                                     List<UsageBucket> series, UsageBucket total) {

        static UsageStatsResponse from(UsageSeries series) {
            return new UsageStatsResponse(series.from(), series.to(), series.groupBy().wireName(),
                    series.buckets().stream().map(UsageBucket::from).toList(), UsageBucket.from(series.total()));
        }
    }

    public record UsageBucket(LocalDate day, String key, long invocations, long failures, double mediaSeconds, double refusedMediaSeconds,
                              double inputTokens, double images, long outputTokens, BigDecimal costUsd) {

        static UsageBucket from(UsageTotals t) {
            return new UsageBucket(t.day(), t.key().orElse(null), t.invocations(), t.failures(), t.mediaSeconds(), t.refusedMediaSeconds(),
                    t.inputTokens(), t.images(),
                    t.outputTokens(), t.costUsd());
        }
    }
}
