package org.milkmobs.domain.budget;

import java.util.Locale;
import org.milkmobs.domain.InvalidValueException;

/** What happens when a reservation does not fit a ceiling. */
public enum BudgetMode {
    /** Refuse it: the work is deferred (pipeline) or served without the paid call (search). */
    STRICT,
    /** Allow it, but record and report the overrun. */
    WARN;

    public static BudgetMode parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidValueException("budget.mode", "budget.mode must be strict or warn, got '" + value + "'");
        }
    }
}
