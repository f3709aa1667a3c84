package org.milkmobs.application.service.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.milkmobs.application.port.OperationsStats;
import org.milkmobs.application.port.in.admin.AdminStatsUseCase;
import org.milkmobs.application.port.out.admin.AdminStatsPort;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.Require;
import org.milkmobs.domain.usage.UsageGrouping;
import org.milkmobs.domain.usage.UsageTotals;

public class AdminStatsService implements AdminStatsUseCase {

    private final AdminStatsPort stats;
    private final Clock clock;

    public AdminStatsService(AdminStatsPort stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    @Override
    public UsageSeries usage(Optional<Instant> requestedFrom, Optional<Instant> requestedTo, UsageGrouping groupBy) {
        Require.present("groupBy", groupBy);
        Instant to = requestedTo.orElseGet(clock::instant);
        Instant from = requestedFrom.orElseGet(() -> to.minus(DEFAULT_RANGE));
        if (!from.isBefore(to)) {
            throw new InvalidValueException("to", "to (" + to + ") must be after from (" + from + ")");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new InvalidValueException("to", "a usage series covers at most " + MAX_RANGE.toDays() + " days");
        }
        List<UsageTotals> buckets = stats.usage(from, to, groupBy);
        return new UsageSeries(from, to, groupBy, buckets, total(buckets, from));
    }

    @Override
    public OperationsStats operations() {
        return stats.operations(clock.instant());
    }

    private static UsageTotals total(List<UsageTotals> buckets, Instant from) {
        return buckets.stream().reduce(UsageTotals.none(from.atZone(ZoneOffset.UTC).toLocalDate()), UsageTotals::plus);
    }
}
