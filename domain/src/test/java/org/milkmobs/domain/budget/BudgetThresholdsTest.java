package org.milkmobs.domain.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BudgetThresholdsTest {

    @Test
    void theThresholdsReachedAreThoseAtOrBelowTheShareSpent() {
        BigDecimal limit = new BigDecimal("10");

        assertThat(BudgetThresholds.reached(new BigDecimal("4.99"), limit)).isEmpty();
        assertThat(BudgetThresholds.reached(new BigDecimal("5"), limit)).containsExactly(50);
        assertThat(BudgetThresholds.reached(new BigDecimal("8.0"), limit)).containsExactly(50, 80);
        assertThat(BudgetThresholds.reached(new BigDecimal("12"), limit)).containsExactly(50, 80, 100);
    }

    @Test
    void withoutAPositiveCeilingNothingIsReached() {
        assertThat(BudgetThresholds.reached(BigDecimal.ONE, null)).isEmpty();
        assertThat(BudgetThresholds.reached(BigDecimal.ONE, BigDecimal.ZERO)).isEmpty();
    }
}
