package org.milkmobs.domain.pipeline;

import java.time.Duration;
import java.util.Map;

/**
 * One step's queue: job counts by state, how long the oldest due job has waited ({@link Duration#ZERO}
 * when none waits), and whether an admin paused the step.
 */
public record QueueStats(PipelineStep step, Map<JobState, Long> counts, Duration oldestWaiting, boolean paused) {

    public QueueStats {
        counts = Map.copyOf(counts);
    }
}
