package org.milkmobs.application.port.out.budget;

import org.milkmobs.domain.usage.UsageRecord;

/**
 * What every paid model call passes through: reserve the estimate before the call, settle with the actual
 * usage after it, release when it failed. The paid-model adapters are handed one; the application's
 * {@code BudgetGuard} implements it over the {@link BudgetLedger}.
 */
public interface PaidCallGate {

    /**
     * @throws BudgetExhaustedException in strict mode, when the estimate does not fit a ceiling
     */
    Reservation reserve(PaidCall call);

    /** The call succeeded: record its usage and book its actual cost in place of the estimate. */
    void settle(Reservation reservation, UsageRecord usage);

    /** The call failed or was never made: give the estimate back. Safe to call after a settle (it does nothing). */
    void release(Reservation reservation);
}
