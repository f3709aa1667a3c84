package org.milkmobs.domain.budget;

import java.math.BigDecimal;
import java.util.List;

/** The shares of a ceiling whose crossing is announced (a {@code budget.threshold} event, once per window each). */
public final class BudgetThresholds {

    public static final List<Integer> PERCENTS = List.of(50, 80, 100);

    private BudgetThresholds() {
    }

    /** The thresholds that spending {@code used} (settled plus reserved) has reached under {@code limit}; none without a positive limit. */
    public static List<Integer> reached(BigDecimal used, BigDecimal limit) {
        if (limit == null || limit.signum() <= 0) {
            return List.of();
        }
        return PERCENTS.stream().filter(p -> used.multiply(BigDecimal.valueOf(100)).compareTo(limit.multiply(BigDecimal.valueOf(p))) >= 0)
                .toList();
    }
}
