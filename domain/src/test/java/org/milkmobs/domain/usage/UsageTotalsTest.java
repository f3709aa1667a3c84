package org.milkmobs.domain.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageTotalsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @Test
    void addsEveryFigureAndKeepsItsOwnDayAndKey() {
        UsageTotals pegasus = new UsageTotals(DAY, Optional.of("pegasus"), 3, 1, 42.5, 8, 0, 0, 900, new BigDecimal("0.0315"));
        UsageTotals marengo = new UsageTotals(DAY.plusDays(1), Optional.of("marengo"), 2, 0, 10, 2, 12, 1, 0, new BigDecimal("0.0070"));

        assertThat(pegasus.plus(marengo)).isEqualTo(
                new UsageTotals(DAY, Optional.of("pegasus"), 5, 1, 52.5, 10, 12, 1, 900, new BigDecimal("0.0385")));
    }

    @Test
    void nothingUsedIsTheStartOfASum() {
        UsageTotals some = new UsageTotals(DAY, Optional.empty(), 4, 2, 1.5, 0.5, 3, 2, 7, new BigDecimal("1.25"));

        assertThat(UsageTotals.none(DAY).plus(some)).isEqualTo(some);
        assertThat(UsageTotals.none(DAY).costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
    }
}
