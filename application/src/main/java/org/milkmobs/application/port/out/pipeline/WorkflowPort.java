package org.milkmobs.application.port.out.pipeline;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.domain.pipeline.HistoryEventType;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.pipeline.WorkflowStatus;
import org.milkmobs.domain.video.VideoId;

/** A video's workflow: its jobs, its status and its history. All writes join the caller's transaction. */
public interface WorkflowPort {

    /** Starts a new run: the workflow is RUNNING, earlier jobs are gone, the first step is scheduled. */
    void start(VideoId video, int maxAttempts, Instant now);

    /** Schedules {@code step} unless the workflow already has it; concurrent calls make one job. */
    boolean enqueue(VideoId video, PipelineStep step, int maxAttempts, Instant runAt, Instant now);

    /** {@link #enqueue} for several steps, in one round trip where the store can. */
    default void enqueueAll(VideoId video, Collection<PipelineStep> steps, int maxAttempts, Instant runAt, Instant now) {
        steps.forEach(step -> enqueue(video, step, maxAttempts, runAt, now));
    }

    /** Reads the workflow and locks it until the transaction ends, so decisions on it are serialised. */
    Optional<WorkflowState> lock(VideoId video);

    void finish(VideoId video, WorkflowStatus status, String reason, Instant now);

    /** Cancels every job of the workflow that has not finished; returns how many. */
    int cancelUnfinished(VideoId video, Instant now);

    void record(VideoId video, HistoryEventType type, PipelineStep step, Map<String, String> details, Instant now);

    record WorkflowState(VideoId video, WorkflowStatus status, Map<PipelineStep, JobState> jobs) {

        public WorkflowState {
            jobs = Map.copyOf(jobs);
        }

        public java.util.Set<PipelineStep> completed() {
            java.util.Set<PipelineStep> done = java.util.EnumSet.noneOf(PipelineStep.class);
            jobs.forEach((step, state) -> {
                if (state == JobState.COMPLETED) {
                    done.add(step);
                }
            });
            return done;
        }
    }
}
