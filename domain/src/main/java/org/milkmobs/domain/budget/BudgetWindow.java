package org.milkmobs.domain.budget;

import java.time.Instant;
import java.util.Objects;

/** One concrete window a ceiling is counted in: e.g. the global day starting 2026-11-23T00:00Z. */
public record BudgetWindow(BudgetScope scope, BudgetPeriod period, Instant start) {

    public BudgetWindow {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(period, "period");
        if (!period.windowStart(start).equals(start)) {
            throw new IllegalArgumentException(start + " does not start a " + period.wireName() + " window");
        }
    }

    public static BudgetWindow containing(BudgetScope scope, BudgetPeriod period, Instant at) {
        return new BudgetWindow(scope, period, period.windowStart(at));
    }

    /** When the next window of this scope and period opens. */
    public Instant end() {
        return period.nextWindowStart(start);
    }
}
