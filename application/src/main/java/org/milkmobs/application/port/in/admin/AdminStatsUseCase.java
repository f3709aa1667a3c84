package org.milkmobs.application.port.in.admin;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.usage.UsageGrouping;
import org.milkmobs.domain.usage.UsageTotals;
import org.milkmobs.domain.video.FailureCode;
import org.milkmobs.domain.video.VideoStatus;

/** The admin dashboard's numbers. */
public interface AdminStatsUseCase {

    /** Longest range a usage series covers. */
    Duration MAX_RANGE = Duration.ofDays(366);

    /**
     * Invocations, units, tokens and cost of the usage records at or after {@code from} and before {@code to}.
     *
     * @throws org.milkmobs.domain.InvalidValueException when {@code from} is not before {@code to} or the range exceeds {@link #MAX_RANGE}
     */
    UsageSeries usage(Instant from, Instant to, UsageGrouping groupBy);

    OperationsStats operations();

    record UsageSeries(Instant from, Instant to, UsageGrouping groupBy, List<UsageTotals> buckets, UsageTotals total) {
    }

    /**
     * @param averageScore the mean validation score of the decisions in force, empty when none was made
     * @param averageSignalScores the mean of each signal's score where the signal was present
     * @param pipelineLatency p50 and p95 of finished workflows' start-to-finish time (over the last 1000)
     * @param costByModel every model's cost since the first usage record
     */
    record OperationsStats(Instant at, Map<VideoStatus, Long> videosByStatus, long mobs, long mobMembers, OptionalDouble averageScore,
                           Map<String, Double> averageSignalScores, Optional<Latency> pipelineLatency,
                           Map<FailureCode, Long> failuresByReason, Map<JobState, Long> jobsByState, Map<String, BigDecimal> costByModel) {
    }

    record Latency(Duration p50, Duration p95, long workflows) {
    }
}
