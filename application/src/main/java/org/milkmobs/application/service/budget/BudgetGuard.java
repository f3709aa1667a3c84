package org.milkmobs.application.service.budget;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import org.milkmobs.application.port.out.budget.BudgetExhaustedException;
import org.milkmobs.application.port.out.budget.BudgetLedger;
import org.milkmobs.application.port.out.budget.PaidCall;
import org.milkmobs.application.port.out.budget.PaidCallGate;
import org.milkmobs.application.port.out.budget.Reservation;
import org.milkmobs.domain.TimeOrderedUuid;
import org.milkmobs.domain.budget.Budget;
import org.milkmobs.domain.budget.BudgetMode;
import org.milkmobs.domain.budget.BudgetWindow;
import org.milkmobs.domain.usage.UsageRecord;

/** Reserves before, settles after: the budget's side of every paid model call. */
public class BudgetGuard implements PaidCallGate {

    private static final Logger LOG = Logger.getLogger(BudgetGuard.class.getName());

    private final Budget budget;
    private final BudgetLedger ledger;
    private final Duration holdFor;
    private final Clock clock;

    /**
     * @param holdFor how long a reservation outlives its worker: longer than any call with its retries,
     *                so only the reservations of crashed workers expire
     */
    public BudgetGuard(Budget budget, BudgetLedger ledger, Duration holdFor, Clock clock) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.holdFor = Objects.requireNonNull(holdFor, "holdFor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Reservation reserve(PaidCall call) {
        Instant now = clock.instant();
        BigDecimal estimate = budget.estimate(call.model(), call.maxUnits());
        Reservation reservation = new Reservation(TimeOrderedUuid.next(), call, estimate,
                budget.windowsFor(call.model(), call.subject().apiKey(), now), now, now.plus(holdFor));
        List<BudgetWindow> full = ledger.reserve(reservation, budget.mode());
        if (!full.isEmpty()) {
            String detail = "the budget has no room for " + call.operation() + " on " + call.model() + " (estimated $"
                    + estimate.stripTrailingZeros().toPlainString() + "): " + describe(full);
            if (budget.mode() == BudgetMode.STRICT) {
                throw new BudgetExhaustedException(detail, now, Budget.reopensAt(full));
            }
            LOG.warning(() -> "budget overrun allowed (budget.mode=warn): " + detail);
        }
        return reservation;
    }

    @Override
    public void settle(Reservation reservation, UsageRecord usage) {
        BigDecimal booked = ledger.settle(reservation, usage);
        if (booked.compareTo(reservation.estimate()) > 0) {
            LOG.warning(() -> "a call cost more than its estimate: " + usage.operation() + " on " + usage.model() + " booked $"
                    + booked.toPlainString() + " against $" + reservation.estimate().toPlainString() + " reserved");
        }
    }

    @Override
    public void release(Reservation reservation) {
        ledger.release(reservation);
    }

    private static String describe(List<BudgetWindow> full) {
        return String.join(", ", full.stream().map(w -> "the " + w.scope() + " " + w.period().wireName() + " ceiling (until "
                + w.end() + ")").toList());
    }
}
