package org.milkmobs.domain.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What the usage records of one bucket add up to: one day (UTC), and within it one model or operation
 * when the series is grouped so ({@code key} is empty when grouped by day).
 */
public record UsageTotals(LocalDate day, Optional<String> key, long invocations, long failures, double mediaSeconds,
                          double inputTokens, double images, long outputTokens, BigDecimal costUsd) {

    public UsageTotals {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(costUsd, "costUsd");
    }
}
