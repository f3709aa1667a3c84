package org.milkmobs.application.service.budget;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.milkmobs.application.port.in.ForbiddenException;
import org.milkmobs.application.port.in.budget.BudgetAdminUseCase;
import org.milkmobs.application.port.out.budget.BudgetLedger;
import org.milkmobs.domain.Require;
import org.milkmobs.domain.budget.BudgetLimits;
import org.milkmobs.domain.budget.BudgetMode;
import org.milkmobs.domain.user.Caller;

public class BudgetAdminService implements BudgetAdminUseCase {

    private static final int AUDIT_SHOWN = 20;

    private final BudgetLedger ledger;
    private final BudgetMode mode;
    private final Clock clock;

    public BudgetAdminService(BudgetLedger ledger, BudgetMode mode, Clock clock) {
        this.ledger = ledger;
        this.mode = mode;
        this.clock = clock;
    }

    @Override
    public BudgetView view() {
        Instant now = clock.instant();
        return new BudgetView(mode, now, ledger.standings(now), ledger.limits(), ledger.heldReservations(), ledger.audit(AUDIT_SHOWN));
    }

    @Override
    public BudgetView changeLimits(List<BudgetLimits.Requested> requested, String reason, Caller admin) {
        ForbiddenException.unlessAdmin(admin, "only an admin may change the budget");
        String why = Require.text("reason", reason == null ? "" : reason, 0, 500, false);
        BudgetLimits.Changed changed = ledger.limits().change(requested, clock.instant());
        if (!changed.changes().isEmpty()) {
            ledger.changeLimits(changed, admin.userId().value(), why);
        }
        return view();
    }

    @Override
    public int expireStaleReservations() {
        return ledger.expire(clock.instant());
    }
}
