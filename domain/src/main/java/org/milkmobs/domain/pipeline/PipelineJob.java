package org.milkmobs.domain.pipeline;

import java.util.Map;
import java.util.Objects;

/**
 * A claimed job as a step sees it. {@code data} is what earlier runs of the same job kept (for example
 * the invocation ARN of an asynchronous model call), so a retried job resumes instead of starting over.
 * {@code snoozes} counts claims that were snoozes, not attempts.
 */
public record PipelineJob(JobLease lease, int maxAttempts, int snoozes, Map<String, String> data) {

    public PipelineJob {
        Objects.requireNonNull(lease, "lease");
        data = Map.copyOf(data);
    }

    /** Attempts spent so far, this one included; snoozes do not count. */
    public int attemptsUsed() {
        return lease.attempt() - snoozes;
    }

    public PipelineStep step() {
        return lease.step();
    }
}
