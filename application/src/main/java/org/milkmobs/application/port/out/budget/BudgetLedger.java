package org.milkmobs.application.port.out.budget;

import java.time.Instant;
import java.util.List;
import org.milkmobs.domain.budget.BudgetAuditEntry;
import org.milkmobs.domain.budget.BudgetLimit;
import org.milkmobs.domain.budget.BudgetLimits;
import org.milkmobs.domain.budget.BudgetMode;
import org.milkmobs.domain.budget.BudgetStanding;
import org.milkmobs.domain.budget.BudgetWindow;
import org.milkmobs.domain.usage.UsageRecord;

/**
 * The money: ceilings, per-window counters and reservations, kept so that concurrent reservations can
 * never together exceed a ceiling (the check and the hold are one conditional statement under row locks,
 * never a read in Java followed by a write). Each method is a transaction of its own.
 */
public interface BudgetLedger {

    /**
     * Holds the reservation's estimate in all of its windows, or in none.
     *
     * @return the windows whose ceiling the estimate does not fit: in {@code STRICT} mode a non-empty answer
     *         means nothing was held; in {@code WARN} mode the estimate is held anyway and the answer says
     *         which ceilings it overran
     */
    List<BudgetWindow> reserve(Reservation reservation, BudgetMode mode);

    /**
     * Writes the usage record and books its cost, even above the estimate (ADR 0012); the estimate is given back
     * once: for a reservation already settled, released or expired only the cost is booked, since the money
     * was spent either way.
     *
     * @return the cost booked (zero when the record's request token was already paid for)
     */
    java.math.BigDecimal settle(Reservation reservation, UsageRecord usage);

    /** Gives the estimate back; does nothing for a reservation no longer held. */
    void release(Reservation reservation);

    /** Releases reservations whose holder died (their expiry passed); returns how many. */
    int expire(Instant now);

    /** The counters of the windows containing {@code at}: global, and every model with a ceiling or spending in them. */
    List<BudgetStanding> standings(Instant at);

    /** Reservations held now. */
    long heldReservations();

    BudgetLimits limits();

    /** Stores the changed ceilings and one audit entry per change, in one transaction. */
    void changeLimits(BudgetLimits.Changed changed, String actor, String reason);

    /** Sets configured ceilings where none is stored yet (an admin's change is never overwritten by configuration). */
    void seedLimits(List<BudgetLimit> configured, Instant at);

    /** The audit trail, newest first. */
    List<BudgetAuditEntry> audit(int limit);
}
