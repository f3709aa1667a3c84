package org.milkmobs.application.service.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.OperationsStats;
import org.milkmobs.application.port.in.admin.AdminStatsUseCase;
import org.milkmobs.application.port.in.admin.AdminStatsUseCase.UsageSeries;
import org.milkmobs.application.port.out.admin.AdminStatsPort;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.usage.UsageGrouping;
import org.milkmobs.domain.usage.UsageTotals;

/**
 * The dashboard's ranges and totals. The aggregates themselves are SQL where the data is; at the port a stub returns
 * fixed buckets and remembers the range it was asked for (a twin re-implementing the SQL would test itself).
 */
class AdminStatsServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");

    private final Stats stats = new Stats();
    private final AdminStatsUseCase admin = new AdminStatsService(stats, new TestClock(NOW));

    @Test
    void aSeriesWithoutARangeCoversTheLastThirtyDaysAndTotalsItsBuckets() {
        stats.buckets = List.of(bucket(LocalDate.of(2026, 12, 2), 3, "0.30"), bucket(LocalDate.of(2026, 12, 3), 2, "0.25"));

        UsageSeries series = admin.usage(Optional.empty(), Optional.empty(), UsageGrouping.DAY);

        assertThat(stats.asked).containsExactly(NOW.minus(Duration.ofDays(30)), NOW);
        assertThat(series.from()).isEqualTo(NOW.minus(AdminStatsUseCase.DEFAULT_RANGE));
        assertThat(series.to()).isEqualTo(NOW);
        assertThat(series.buckets()).hasSize(2);
        assertThat(series.total().invocations()).isEqualTo(5);
        assertThat(series.total().costUsd()).isEqualByComparingTo("0.55");
        assertThat(series.total().day()).as("the total is dated at the start of the range").isEqualTo(LocalDate.of(2026, 11, 4));
    }

    @Test
    void aRangeEndingBeforeItStartsOrLongerThanAYearIsRefusedWithoutAskingTheStore() {
        Instant from = Instant.parse("2026-12-01T00:00:00Z");

        assertThatThrownBy(() -> admin.usage(Optional.of(from), Optional.of(from), UsageGrouping.MODEL))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("must be after from");
        assertThatThrownBy(() -> admin.usage(Optional.of(from.minus(Duration.ofDays(367))), Optional.of(from), UsageGrouping.MODEL))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("at most 366 days");
        assertThatThrownBy(() -> admin.usage(Optional.empty(), Optional.empty(), null)).isInstanceOf(InvalidValueException.class);
        assertThat(stats.asked).isEmpty();
    }

    @Test
    void anEmptySeriesTotalsToZeroAndOperationsAreReadAtNow() {
        Instant from = Instant.parse("2026-12-01T00:00:00Z");

        UsageSeries series = admin.usage(Optional.of(from), Optional.empty(), UsageGrouping.OPERATION);
        OperationsStats operations = admin.operations();

        assertThat(series.total()).isEqualTo(UsageTotals.none(LocalDate.of(2026, 12, 1)));
        assertThat(stats.asked).containsExactly(from, NOW);
        assertThat(operations.at()).isEqualTo(NOW);
    }

    private static UsageTotals bucket(LocalDate day, long invocations, String cost) {
        return new UsageTotals(day, Optional.empty(), invocations, 0, 10, 0, 0, 0, 0, new BigDecimal(cost));
    }

    private static final class Stats implements AdminStatsPort {

        private final List<Instant> asked = new ArrayList<>();
        private List<UsageTotals> buckets = List.of();

        @Override
        public List<UsageTotals> usage(Instant from, Instant to, UsageGrouping groupBy) {
            asked.add(from);
            asked.add(to);
            return buckets;
        }

        @Override
        public OperationsStats operations(Instant now) {
            return new OperationsStats(now, Map.of(), 0, 0, OptionalDouble.empty(), Map.of(), Optional.empty(), Map.of(), Map.of(), Map.of());
        }
    }
}
