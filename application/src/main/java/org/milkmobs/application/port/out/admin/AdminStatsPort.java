package org.milkmobs.application.port.out.admin;

import java.time.Instant;
import java.util.List;
import org.milkmobs.application.port.OperationsStats;
import org.milkmobs.domain.usage.UsageGrouping;
import org.milkmobs.domain.usage.UsageTotals;

/** Aggregates over the usage ledger and the pipeline's tables, computed where the data is. */
public interface AdminStatsPort {

    /** One bucket per day (and model or operation), oldest first. */
    List<UsageTotals> usage(Instant from, Instant to, UsageGrouping groupBy);

    OperationsStats operations(Instant now);
}
