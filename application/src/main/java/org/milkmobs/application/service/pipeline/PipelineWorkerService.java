package org.milkmobs.application.service.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.milkmobs.application.port.in.pipeline.JobLostException;
import org.milkmobs.application.port.in.pipeline.PipelineWorkerUseCase;
import org.milkmobs.application.port.in.pipeline.PipelineWorkerUseCase.CompletedJob;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.port.out.pipeline.JobQueuePort;
import org.milkmobs.application.port.out.pipeline.JobQueuePort.FailResult;
import org.milkmobs.application.port.out.pipeline.JobQueuePort.RescuedJob;
import org.milkmobs.application.port.out.pipeline.PipelineControlPort;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.application.port.out.pipeline.WorkflowPort.WorkflowState;
import org.milkmobs.domain.pipeline.JobLease;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.pipeline.WorkflowStatus;
import org.milkmobs.domain.video.Failure;
import org.milkmobs.domain.video.FailureCode;

/**
 * The workflow engine: claims, completions, retries and rescues, and how each moves a video's workflow
 * along its {@link PipelineStep} graph, with the semantics of a Step Functions Parallel state.
 */
public class PipelineWorkerService implements PipelineWorkerUseCase {

    private final JobQueuePort queue;
    private final WorkflowPort workflows;
    private final PipelineControlPort control;
    private final WorkflowFailures failures;
    private final RetryPolicy retry;
    private final StepLimits limits;
    private final Clock clock;
    private final RandomGenerator random;

    public PipelineWorkerService(JobQueuePort queue, WorkflowPort workflows, PipelineControlPort control,
                                 WorkflowFailures failures, RetryPolicy retry, StepLimits limits, Clock clock, RandomGenerator random) {
        this.queue = queue;
        this.limits = limits;
        this.workflows = workflows;
        this.control = control;
        this.failures = failures;
        this.retry = retry;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public List<PipelineJob> claim(String worker, Set<PipelineStep> steps, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        // one limit shared by every step: each claim gets what the claims before it left
        return claimRound(worker, steps, (step, claimedSoFar) -> limit - claimedSoFar,
                (rest, claimedSoFar, now, leaseUntil) -> claimedSoFar < limit
                        ? queue.claim(worker, rest, limit - claimedSoFar, now, leaseUntil) : List.of());
    }

    @Override
    public List<PipelineJob> claimEach(String worker, Map<PipelineStep, Integer> room) {
        Map<PipelineStep, Integer> free = new EnumMap<>(PipelineStep.class);
        room.forEach((step, jobs) -> {
            if (jobs > 0) {
                free.put(step, jobs);
            }
        });
        return claimRound(worker, free.keySet(), (step, claimedSoFar) -> free.get(step),
                (rest, claimedSoFar, now, leaseUntil) -> {
                    Map<PipelineStep, Integer> restRoom = new EnumMap<>(free);
                    restRoom.keySet().retainAll(rest);
                    return queue.claimEach(worker, restRoom, now, leaseUntil);
                });
    }

    /**
     * One claim, whichever way its room is counted: paused steps are left out, each step with a cluster
     * limit is claimed on its own within that limit, and the steps without one are handed to
     * {@code rest} together.
     */
    private List<PipelineJob> claimRound(String worker, Set<PipelineStep> steps, RoomForStep roomFor, ClaimRest rest) {
        Set<PipelineStep> runnable = steps.isEmpty() ? EnumSet.noneOf(PipelineStep.class) : EnumSet.copyOf(steps);
        runnable.removeAll(control.pausedSteps());
        if (runnable.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(retry.lease());
        List<PipelineJob> claimed = new ArrayList<>();
        Set<PipelineStep> unlimited = EnumSet.noneOf(PipelineStep.class);
        for (PipelineStep step : runnable) {
            OptionalInt clusterLimit = limits.acrossCluster(step);
            if (clusterLimit.isEmpty()) {
                unlimited.add(step);
                continue;
            }
            int room = roomFor.jobs(step, claimed.size());
            if (room > 0) {
                claimed.addAll(queue.claimWithinClusterLimit(worker, step, room, clusterLimit.getAsInt(), now, leaseUntil));
            }
        }
        if (!unlimited.isEmpty()) {
            claimed.addAll(rest.claim(unlimited, claimed.size(), now, leaseUntil));
        }
        return claimed;
    }

    /** How many jobs of a step one claim may take, given how many it has taken so far. */
    @FunctionalInterface
    private interface RoomForStep {
        int jobs(PipelineStep step, int claimedSoFar);
    }

    /** Claims the steps without a cluster limit, in one statement. */
    @FunctionalInterface
    private interface ClaimRest {
        List<PipelineJob> claim(Set<PipelineStep> steps, int claimedSoFar, Instant now, Instant leaseUntil);
    }

    @Override
    public void finish(PipelineJob job, StepOutcome outcome) {
        JobLease lease = job.lease();
        Instant now = clock.instant();
        if (outcome instanceof StepOutcome.Completed completed) {
            completed.write().apply();
            if (!queue.complete(lease, now)) {
                throw new JobLostException(lease);
            }
            advance(lease, now);
        } else if (outcome instanceof StepOutcome.Snoozed snoozed) {
            snoozed.write().apply();
            if (!queue.snooze(lease, now.plus(snoozed.delay()), snoozed.data(), now)) {
                throw new JobLostException(lease);
            }
        } else if (outcome instanceof StepOutcome.Failed failed) {
            Instant retryAt = now.plus(retry.delayAfter(job.attemptsUsed(), random));
            FailResult result = queue.fail(lease, failed.error(), failed.permanent(), retryAt, now);
            if (result == FailResult.LOST) {
                throw new JobLostException(lease);
            }
            if (result == FailResult.DEAD) {
                Failure failure = failed.failure() != null ? failed.failure() : new Failure(FailureCode.PIPELINE_FAILED,
                        "the " + lease.step().wireName() + " step failed after " + job.attemptsUsed() + " attempts: " + failed.error());
                failures.jobDead(lease, failure, now);
            }
        }
    }

    @Override
    public Set<JobLease> finishCompleted(List<CompletedJob> jobs) {
        Instant now = clock.instant();
        // the fenced completes first: a lost job's results are then never written
        Set<JobLease> completed = queue.completeAll(jobs.stream().map(j -> j.job().lease()).toList(), now);
        Set<JobLease> lost = new HashSet<>();
        // in video order, so two batches lock workflow rows in the same order and never wait on each other in a cycle
        List<CompletedJob> ordered = jobs.stream()
                .sorted(Comparator.comparing((CompletedJob j) -> j.job().lease().videoId().value()).thenComparing(j -> j.job().lease().jobId()))
                .toList();
        for (CompletedJob job : ordered) {
            JobLease lease = job.job().lease();
            if (completed.contains(lease)) {
                job.outcome().write().apply();
                advance(lease, now);
            } else {
                lost.add(lease);
            }
        }
        return lost;
    }

    /** Schedules what the completed step unblocks; the workflow lock makes a join happen exactly once. */
    private void advance(JobLease lease, Instant now) {
        WorkflowState workflow = workflows.lock(lease.videoId()).orElseThrow(() -> new JobLostException(lease));
        if (workflow.status() != WorkflowStatus.RUNNING) {
            return;
        }
        if (lease.step().isLast()) {
            workflows.finish(lease.videoId(), WorkflowStatus.SUCCEEDED, null, now);
            return;
        }
        workflows.enqueueAll(lease.videoId(), PipelineStep.readyAfter(lease.step(), workflow.completed()), retry.maxAttempts(), now, now);
    }

    @Override
    public Set<JobLease> heartbeat(Collection<JobLease> leases) {
        Instant leaseUntil = clock.instant().plus(retry.lease());
        Set<JobLease> lost = new HashSet<>();
        for (JobLease lease : leases) {
            if (!queue.heartbeat(lease, leaseUntil)) {
                lost.add(lease);
            }
        }
        return lost;
    }

    @Override
    public void release(Collection<JobLease> leases) {
        Instant now = clock.instant();
        leases.forEach(lease -> queue.release(lease, now));
    }

    @Override
    public int rescueExpired() {
        Instant now = clock.instant();
        List<RescuedJob> rescued = queue.rescueExpired(now);
        for (RescuedJob job : rescued) {
            if (job.dead()) {
                failures.jobDead(job.lease(), new Failure(FailureCode.PIPELINE_FAILED,
                        "the " + job.lease().step().wireName() + " step was abandoned by its worker on its last attempt"), now);
            }
        }
        return rescued.size();
    }

}
