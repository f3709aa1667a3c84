package org.milkmobs.domain.budget;

import java.math.BigDecimal;
import java.util.Objects;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.usage.PriceTable;

/** A ceiling: at most {@code usd} US dollars in each {@code period} window of {@code scope}. */
public record BudgetLimit(BudgetScope scope, BudgetPeriod period, BigDecimal usd) {

    /** A billion dollars: anything larger is a typo, not a budget. */
    public static final BigDecimal MAXIMUM = new BigDecimal("1000000000");

    public BudgetLimit {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(period, "period");
        usd = checkedAmount(usd);
    }

    /** A ceiling amount: present, not negative, at most {@link #MAXIMUM}, to at most {@link PriceTable#COST_SCALE} decimals. */
    public static BigDecimal checkedAmount(BigDecimal usd) {
        if (usd == null) {
            throw new InvalidValueException("usd", "usd is required (a number of US dollars, or null in a change to lift the ceiling)");
        }
        if (usd.signum() < 0) {
            throw new InvalidValueException("usd", "a ceiling cannot be negative, got " + usd.toPlainString());
        }
        if (usd.compareTo(MAXIMUM) > 0) {
            throw new InvalidValueException("usd", "a ceiling is at most " + MAXIMUM.toPlainString() + " US dollars, got " + usd.toPlainString());
        }
        if (usd.stripTrailingZeros().scale() > PriceTable.COST_SCALE) {
            throw new InvalidValueException("usd", "a ceiling has at most " + PriceTable.COST_SCALE + " decimals, got " + usd.toPlainString());
        }
        return usd.setScale(PriceTable.COST_SCALE);
    }
}
