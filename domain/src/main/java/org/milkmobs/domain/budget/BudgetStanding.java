package org.milkmobs.domain.budget;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/** Where one window stands: its ceiling (if any), what was spent and what is reserved by calls in flight. */
public record BudgetStanding(BudgetWindow window, Optional<BigDecimal> ceiling, BigDecimal spent, BigDecimal reserved) {

    public BudgetStanding {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(ceiling, "ceiling");
        Objects.requireNonNull(spent, "spent");
        Objects.requireNonNull(reserved, "reserved");
    }

    /** What can still be reserved; never negative. Empty when the window has no ceiling. */
    public Optional<BigDecimal> remaining() {
        return ceiling.map(limit -> limit.subtract(spent).subtract(reserved).max(BigDecimal.ZERO));
    }

    /** How far spent and reserved money exceed the ceiling (warn mode, or an actual cost above its estimate). */
    public BigDecimal overrun() {
        return ceiling.map(limit -> spent.add(reserved).subtract(limit).max(BigDecimal.ZERO)).orElse(BigDecimal.ZERO);
    }
}
