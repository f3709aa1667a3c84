package org.milkmobs.bootstrap.budget;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.milkmobs.application.port.in.admin.AdminStatsUseCase;
import org.milkmobs.application.port.in.budget.BudgetAdminUseCase;
import org.milkmobs.application.port.out.admin.AdminStatsPort;
import org.milkmobs.application.port.out.budget.BudgetLedger;
import org.milkmobs.application.port.out.budget.PaidCallGate;
import org.milkmobs.application.service.admin.AdminStatsService;
import org.milkmobs.application.service.budget.BudgetAdminService;
import org.milkmobs.application.service.budget.BudgetGuard;
import org.milkmobs.bootstrap.TransactionalUseCases;
import org.milkmobs.bootstrap.bedrock.BedrockConfiguration;
import org.milkmobs.bootstrap.config.Settings;
import org.milkmobs.domain.DomainException;
import org.milkmobs.domain.budget.Budget;
import org.milkmobs.domain.budget.BudgetLimit;
import org.milkmobs.domain.budget.BudgetMode;
import org.milkmobs.domain.budget.BudgetPeriod;
import org.milkmobs.domain.budget.BudgetScope;

/**
 * Reads the {@code budget.*} configuration and builds the budget's services. Configured ceilings
 * ({@code budget.limits}) seed the database at start-up where no ceiling is stored yet; from then on the
 * admin API owns them.
 */
@ApplicationScoped
public class BudgetConfiguration {

    @Inject
    Settings settings;

    @Inject
    BedrockConfiguration bedrock;

    @Inject
    TransactionalUseCases transactional;

    @Produces
    @Singleton
    Budget budget() {
        return new Budget(bedrock.prices(), BudgetMode.parse(settings.text("budget.mode")));
    }

    @Produces
    @Singleton
    PaidCallGate paidCalls(Budget budget, BudgetLedger ledger, Clock clock) {
        return new BudgetGuard(budget, ledger, settings.duration("budget.reservation-ttl"), clock);
    }

    @Produces
    @Singleton
    BudgetAdminUseCase budgetAdmin(Budget budget, BudgetLedger ledger, Clock clock) {
        return transactional.wrap(BudgetAdminUseCase.class, new BudgetAdminService(ledger, budget.mode(), clock));
    }

    @Produces
    @Singleton
    AdminStatsUseCase adminStats(AdminStatsPort stats, Clock clock) {
        return transactional.wrap(AdminStatsUseCase.class, new AdminStatsService(stats, clock));
    }

    /** Configured ceilings go into the database where none is stored (after the migrations ran). */
    void seedLimits(@Observes @Priority(Interceptor.Priority.APPLICATION + 500) @Initialized(ApplicationScoped.class) Object ignored,
                    BudgetLedger ledger, Clock clock) {
        ledger.seedLimits(configuredLimits(), clock.instant());
    }

    /** {@code budget.limits}: a comma-separated list of {@code scope/period=usd}, e.g. {@code global/day=50}. */
    public List<BudgetLimit> configuredLimits() {
        List<BudgetLimit> limits = new ArrayList<>();
        for (String entry : settings.list("budget.limits")) {
            int slash = entry.lastIndexOf('/');
            int equals = entry.lastIndexOf('=');
            if (slash <= 0 || equals < slash) {
                throw new IllegalStateException("budget.limits entries are scope/period=usd (e.g. global/day=50), got '" + entry + "'");
            }
            try {
                limits.add(new BudgetLimit(BudgetScope.parse(entry.substring(0, slash)),
                        BudgetPeriod.fromWireName("budget.limits", entry.substring(slash + 1, equals)),
                        new BigDecimal(entry.substring(equals + 1).strip())));
            } catch (DomainException | NumberFormatException e) {
                throw new IllegalStateException("budget.limits entry '" + entry + "': " + e.getMessage(), e);
            }
        }
        return limits;
    }
}
