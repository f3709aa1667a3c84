package org.milkmobs.application.port.in.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.milkmobs.application.port.OperationsStats;
import org.milkmobs.domain.usage.UsageGrouping;
import org.milkmobs.domain.usage.UsageTotals;

/** The admin dashboard's numbers. */
public interface AdminStatsUseCase {

    /** Longest range a usage series covers. */
    Duration MAX_RANGE = Duration.ofDays(366);

    /** The range a usage series covers when the caller names none. */
    Duration DEFAULT_RANGE = Duration.ofDays(30);

    /**
     * Invocations, units, tokens and cost of the usage records at or after {@code from} and before {@code to}
     * ({@code to} defaults to now, {@code from} to {@link #DEFAULT_RANGE} before {@code to}).
     *
     * @throws org.milkmobs.domain.InvalidValueException when {@code from} is not before {@code to} or the range exceeds {@link #MAX_RANGE}
     */
    UsageSeries usage(Optional<Instant> from, Optional<Instant> to, UsageGrouping groupBy);

    OperationsStats operations();

    record UsageSeries(Instant from, Instant to, UsageGrouping groupBy, List<UsageTotals> buckets, UsageTotals total) {
    }
}
