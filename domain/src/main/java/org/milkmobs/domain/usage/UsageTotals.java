package org.milkmobs.domain.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What the usage records of one bucket add up to: one day (UTC), and within it one model or operation
 * when the series is grouped so ({@code key} is empty when grouped by day). The units are those of billed
 * calls; the media seconds of attempts the model refused (throttled, failed before billing) are counted
 * apart in {@code refusedMediaSeconds}, so retries under throttling do not inflate what was processed.
 */
public record UsageTotals(LocalDate day, Optional<String> key, long invocations, long failures, double mediaSeconds,
                          double refusedMediaSeconds, double inputTokens, double images, long outputTokens, BigDecimal costUsd) {

    public UsageTotals {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(costUsd, "costUsd");
    }

    /** Nothing used yet, on {@code day}: where a sum over buckets starts. */
    public static UsageTotals none(LocalDate day) {
        return new UsageTotals(day, Optional.empty(), 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO);
    }

    /** This bucket's figures plus {@code other}'s, kept on this bucket's day and key. */
    public UsageTotals plus(UsageTotals other) {
        return new UsageTotals(day, key, invocations + other.invocations, failures + other.failures, mediaSeconds + other.mediaSeconds,
                refusedMediaSeconds + other.refusedMediaSeconds,
                inputTokens + other.inputTokens, images + other.images, outputTokens + other.outputTokens, costUsd.add(other.costUsd));
    }
}
