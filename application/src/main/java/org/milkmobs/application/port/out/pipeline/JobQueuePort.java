package org.milkmobs.application.port.out.pipeline;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.milkmobs.domain.pipeline.JobLease;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.pipeline.PipelineStep;

/**
 * The job table as workers use it. Every write after the claim is fenced by the lease's attempt: it
 * returns false (and changes nothing) when the job was meanwhile rescued, cancelled or re-claimed.
 */
public interface JobQueuePort {

    /** Takes up to {@code limit} jobs of {@code steps} whose time has come, skipping rows others hold. */
    List<PipelineJob> claim(String worker, Set<PipelineStep> steps, int limit, Instant now, Instant leaseUntil);

    /**
     * As {@link #claim} with a limit of each step's own, {@code room.get(step)} jobs at most, in one statement: an
     * instance's dispatcher fills every step's free workers with one round trip, so a job enqueued to idle
     * workers does not wait behind the claims of the steps before it.
     */
    List<PipelineJob> claimEach(String worker, Map<PipelineStep, Integer> room, Instant now, Instant leaseUntil);

    /**
     * As {@link #claim} for one step, leaving at most {@code clusterLimit} of its jobs RUNNING across every
     * worker of every instance (a Bedrock quota is the account's, not an instance's). Call it in a transaction:
     * concurrent capped claims of a step are serialised until it ends.
     */
    List<PipelineJob> claimWithinClusterLimit(String worker, PipelineStep step, int limit, int clusterLimit, Instant now, Instant leaseUntil);

    boolean heartbeat(JobLease lease, Instant leaseUntil);

    boolean complete(JobLease lease, Instant now);

    /**
     * Completes several jobs in one statement, each fenced by its own lease as {@link #complete} is; returns
     * the leases that were completed (the others were taken away meanwhile and changed nothing).
     */
    Set<JobLease> completeAll(Collection<JobLease> leases, Instant now);

    /**
     * Records a failed run: the job goes back to AVAILABLE at {@code retryAt}, or to DEAD when
     * {@code permanent} or when it has no attempts left.
     */
    FailResult fail(JobLease lease, String error, boolean permanent, Instant retryAt, Instant now);

    /** Runs the job again at {@code runAt} without spending an attempt, keeping {@code data} for that run. */
    boolean snooze(JobLease lease, Instant runAt, Map<String, String> data, Instant now);

    /** Gives a job back unfinished (on shutdown) without spending an attempt. */
    boolean release(JobLease lease, Instant now);

    /** Returns RUNNING jobs whose lease expired to AVAILABLE, or to DEAD at their last attempt. */
    List<RescuedJob> rescueExpired(Instant now);

    enum FailResult { RETRY_SCHEDULED, DEAD, LOST }

    record RescuedJob(JobLease lease, boolean dead) {
    }
}
