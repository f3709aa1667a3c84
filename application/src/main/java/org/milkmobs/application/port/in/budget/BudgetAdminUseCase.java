package org.milkmobs.application.port.in.budget;

import java.time.Instant;
import java.util.List;
import org.milkmobs.domain.budget.BudgetAuditEntry;
import org.milkmobs.domain.budget.BudgetLimits;
import org.milkmobs.domain.budget.BudgetMode;
import org.milkmobs.domain.budget.BudgetStanding;
import org.milkmobs.domain.user.Caller;

/** The admin's view of the budget, and changes to its ceilings. */
public interface BudgetAdminUseCase {

    BudgetView view();

    /**
     * Applies the requested ceilings (each replaces or lifts one); every actual change is audited with the
     * caller and the reason.
     */
    BudgetView changeLimits(List<BudgetLimits.Requested> requested, String reason, Caller admin);

    /** Releases the reservations of workers that died; returns how many. */
    int expireStaleReservations();

    record BudgetView(BudgetMode mode, Instant at, List<BudgetStanding> windows, BudgetLimits limits, long heldReservations,
                      List<BudgetAuditEntry> recentChanges) {
    }
}
