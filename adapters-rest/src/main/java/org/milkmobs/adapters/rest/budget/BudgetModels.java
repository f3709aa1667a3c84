package org.milkmobs.adapters.rest.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milkmobs.application.port.in.budget.BudgetAdminUseCase.BudgetView;
import org.milkmobs.domain.budget.BudgetAuditEntry;
import org.milkmobs.domain.budget.BudgetLimit;
import org.milkmobs.domain.budget.BudgetStanding;

/** The budget's wire models. Amounts are US dollars. */
public final class BudgetModels {

    private BudgetModels() {
    }

    @Schema(name = "BudgetChange", description = "New ceilings; each replaces (or, with lift, removes) one ceiling")
    public record BudgetChangeRequest(
            @Schema(required = true) List<LimitRequest> limits,
            @Schema(description = "Why, kept in the audit trail", maxLength = 500, example = "launch week") String reason) {
    }

    @Schema(name = "BudgetLimitChange")
    public record LimitRequest(
            @Schema(required = true, description = "global, or a model id", example = "global") String scope,
            @Schema(required = true, enumeration = {"hour", "day", "month"}, example = "day") String period,
            @Schema(description = "The ceiling in US dollars, >= 0; required unless lift is true", example = "50.00") BigDecimal usd,
            @Schema(description = "true removes the ceiling (then usd must be absent)") Boolean lift) {
    }

    @Schema(name = "Budget")
    public record BudgetResponse(@Schema(enumeration = {"strict", "warn"}) String mode, Instant at, long heldReservations,
                                 List<WindowResponse> windows, List<LimitResponse> limits, List<ChangeResponse> recentChanges) {

        static BudgetResponse from(BudgetView view) {
            return new BudgetResponse(view.mode().name().toLowerCase(java.util.Locale.ROOT), view.at(), view.heldReservations(),
                    view.windows().stream().map(WindowResponse::from).toList(),
                    view.limits().all().stream().map(LimitResponse::from).toList(),
                    view.recentChanges().stream().map(ChangeResponse::from).toList());
        }
    }

    @Schema(name = "BudgetWindow", description = "One window now: its ceiling (null: none), spent, reserved by calls in flight,"
            + " remaining (null: no ceiling) and overrun beyond the ceiling")
    public record WindowResponse(String scope, @Schema(enumeration = {"hour", "day", "month"}) String period, Instant start, Instant end,
                                 BigDecimal limitUsd, BigDecimal spentUsd, BigDecimal reservedUsd, BigDecimal remainingUsd,
                                 BigDecimal overrunUsd) {

        static WindowResponse from(BudgetStanding s) {
            return new WindowResponse(s.window().scope().wireName(), s.window().period().wireName(), s.window().start(), s.window().end(),
                    s.ceiling().orElse(null), s.spent(), s.reserved(), s.remaining().orElse(null), s.overrun());
        }
    }

    @Schema(name = "BudgetLimit")
    public record LimitResponse(String scope, String period, BigDecimal usd) {

        static LimitResponse from(BudgetLimit limit) {
            return new LimitResponse(limit.scope().wireName(), limit.period().wireName(), limit.usd());
        }
    }

    @Schema(name = "BudgetAuditEntry")
    public record ChangeResponse(Instant at, String actor, String reason, String scope, String period, BigDecimal beforeUsd,
                                 BigDecimal afterUsd) {

        static ChangeResponse from(BudgetAuditEntry entry) {
            return new ChangeResponse(entry.change().at(), entry.actor(), entry.reason(), entry.change().scope().wireName(),
                    entry.change().period().wireName(), entry.change().before().orElse(null), entry.change().after().orElse(null));
        }
    }
}
