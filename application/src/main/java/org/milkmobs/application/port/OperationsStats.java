package org.milkmobs.application.port;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.video.FailureCode;
import org.milkmobs.domain.video.VideoStatus;

/**
 * The admin dashboard's operational numbers at one moment.
 *
 * @param averageScore the mean validation score of the decisions in force, empty when none was made
 * @param averageSignalScores the mean of each signal's score where the signal was present
 * @param pipelineLatency p50 and p95 of finished workflows' start-to-finish time (over the latest 1000)
 * @param costByModel every model's cost since the first usage record
 */
public record OperationsStats(Instant at, Map<VideoStatus, Long> videosByStatus, long mobs, long mobMembers, OptionalDouble averageScore,
                              Map<String, Double> averageSignalScores, Optional<Latency> pipelineLatency,
                              Map<FailureCode, Long> failuresByReason, Map<JobState, Long> jobsByState, Map<String, BigDecimal> costByModel) {

    public record Latency(Duration p50, Duration p95, long workflows) {
    }
}
