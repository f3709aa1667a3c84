package org.milkmobs.adapters.rest.budget;

import static org.milkmobs.adapters.rest.constraint.DomainRule.BUDGET_AMOUNT;
import static org.milkmobs.adapters.rest.constraint.DomainRule.BUDGET_PERIOD;
import static org.milkmobs.adapters.rest.constraint.DomainRule.BUDGET_SCOPE;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.milkmobs.adapters.rest.constraint.Conforms;
import org.milkmobs.application.port.in.budget.BudgetAdminUseCase.BudgetView;
import org.milkmobs.domain.budget.BudgetAuditEntry;
import org.milkmobs.domain.budget.BudgetLimit;
import org.milkmobs.domain.budget.BudgetStanding;

/** The budget's wire models. Amounts are US dollars. */
public final class BudgetModels {

    private BudgetModels() {
    }

    /** At most this many ceilings in one change: more than scopes × periods is a mistake or an attack. */
    static final int MAX_CHANGES = 100;

    public record BudgetChangeRequest(
            @NotNull @Size(min = 1, max = MAX_CHANGES, message = "must hold at least one ceiling and at most {max}")
            List<@NotNull @Valid LimitRequest> limits,
            String reason) {
    }

    /** One ceiling to set ({@code usd}) or to lift ({@code lift: true}); which of the two is checked by the resource. */
    public record LimitRequest(
            @NotNull @Conforms(BUDGET_SCOPE) String scope,
            @NotNull @Conforms(BUDGET_PERIOD) String period,
            @Conforms(BUDGET_AMOUNT) BigDecimal usd,
            Boolean lift) {
    }

    public record BudgetResponse(String mode, Instant at, long heldReservations,
                                 List<WindowResponse> windows, List<LimitResponse> limits, List<ChangeResponse> recentChanges) {

        static BudgetResponse from(BudgetView view) {
            return new BudgetResponse(view.mode().name().toLowerCase(java.util.Locale.ROOT), view.at(), view.heldReservations(),
                    view.windows().stream().map(WindowResponse::from).toList(),
                    view.limits().all().stream().map(LimitResponse::from).toList(),
                    view.recentChanges().stream().map(ChangeResponse::from).toList());
        }
    }

    public record WindowResponse(String scope, String period, Instant start, Instant end,
                                 BigDecimal limitUsd, BigDecimal spentUsd, BigDecimal reservedUsd, BigDecimal remainingUsd,
                                 BigDecimal overrunUsd) {

        static WindowResponse from(BudgetStanding s) {
            return new WindowResponse(s.window().scope().wireName(), s.window().period().wireName(), s.window().start(), s.window().end(),
                    s.ceiling().orElse(null), s.spent(), s.reserved(), s.remaining().orElse(null), s.overrun());
        }
    }

    public record LimitResponse(String scope, String period, BigDecimal usd) {

        static LimitResponse from(BudgetLimit limit) {
            return new LimitResponse(limit.scope().wireName(), limit.period().wireName(), limit.usd());
        }
    }

    public record ChangeResponse(Instant at, String actor, String reason, String scope, String period, BigDecimal beforeUsd,
                                 BigDecimal afterUsd) {

        static ChangeResponse from(BudgetAuditEntry entry) {
            return new ChangeResponse(entry.change().at(), entry.actor(), entry.reason(), entry.change().scope().wireName(),
                    entry.change().period().wireName(), entry.change().before().orElse(null), entry.change().after().orElse(null));
        }
    }
}
