package org.milkmobs.application.port.in.pipeline;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.milkmobs.domain.pipeline.JobLease;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.pipeline.PipelineStep;

/** What the pipeline's workers do besides the work itself; each call is one transaction. */
public interface PipelineWorkerUseCase {

    /** Claims up to {@code limit} due jobs of {@code steps} together (none of a paused step). */
    List<PipelineJob> claim(String worker, Set<PipelineStep> steps, int limit);

    /**
     * Claims up to {@code room.get(step)} due jobs of each step (none of a paused step), as an instance's
     * dispatcher fills every step's free workers: the steps without a cluster limit in one statement.
     */
    List<PipelineJob> claimEach(String worker, Map<PipelineStep, Integer> room);

    /**
     * Records how a job's run ended and moves its workflow on: the next steps are scheduled, a join runs
     * once, a permanent failure fails the workflow and cancels its other jobs.
     *
     * @throws JobLostException when the job was taken away meanwhile; nothing was written
     */
    void finish(PipelineJob job, StepOutcome outcome);

    /**
     * {@link #finish} for several completed jobs in one transaction, so they share one commit: each job's
     * complete is fenced by its own lease, and only the jobs whose complete took effect get their results
     * written and their workflows moved on.
     *
     * @return the leases that were lost meanwhile (nothing of theirs was written)
     */
    Set<JobLease> finishCompleted(List<CompletedJob> jobs);

    record CompletedJob(PipelineJob job, StepOutcome.Completed outcome) {
    }

    /** Extends the leases; returns those that were lost (their jobs should stop). */
    Set<JobLease> heartbeat(Collection<JobLease> leases);

    /** Gives unfinished jobs back on shutdown, without spending their attempt. */
    void release(Collection<JobLease> leases);

    /** Returns jobs of dead workers to the queue (or to DEAD at their last attempt); returns how many. */
    int rescueExpired();
}
