package org.milkmobs.application.testing;

import java.time.Duration;
import java.util.Collection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.milkmobs.application.port.out.pipeline.JobQueuePort;
import org.milkmobs.application.port.out.pipeline.PipelineAdminPort;
import org.milkmobs.application.port.out.pipeline.PipelineControlPort;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.application.port.out.pipeline.WorkflowProgressPort;
import org.milkmobs.domain.pipeline.HistoryEvent;
import org.milkmobs.domain.pipeline.HistoryEventType;
import org.milkmobs.domain.pipeline.JobLease;
import org.milkmobs.domain.pipeline.JobRecord;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.pipeline.QueueStats;
import org.milkmobs.domain.pipeline.WorkflowProgress;
import org.milkmobs.domain.pipeline.WorkflowStatus;
import org.milkmobs.domain.video.VideoId;

/**
 * Workflows, their jobs and history in memory, as the job tables hold them: one job per step and workflow, a run count
 * that a restart or redrive increases, paused steps, and the workers' leases. A lease's attempt fences every write after
 * the claim, as in the table: a write with a stale lease changes nothing. One lock for everything.
 */
public class InMemoryWorkflows implements WorkflowPort, WorkflowProgressPort, PipelineAdminPort, PipelineControlPort, JobQueuePort {

    private final Map<VideoId, Workflow> workflows = new LinkedHashMap<>();
    private final Map<VideoId, List<HistoryEvent>> histories = new HashMap<>();
    private final Set<PipelineStep> paused = EnumSet.noneOf(PipelineStep.class);
    private long nextJob = 1;
    /** Per job: claims so far (the lease attempt) and snoozes among them. */
    private final Map<Long, int[]> claims = new HashMap<>();
    private final Map<Long, Map<String, String>> data = new HashMap<>();

    private static final class Workflow {
        WorkflowStatus status = WorkflowStatus.RUNNING;
        int run;
        String reason;
        final Map<PipelineStep, JobRecord> jobs = new EnumMap<>(PipelineStep.class);
    }

    @Override
    public synchronized void start(VideoId video, int maxAttempts, Instant now) {
        Workflow workflow = workflows.computeIfAbsent(video, v -> new Workflow());
        workflow.run++;
        workflow.status = WorkflowStatus.RUNNING;
        workflow.reason = null;
        workflow.jobs.clear();
        record(video, workflow.run == 1 ? HistoryEventType.ExecutionStarted : HistoryEventType.ExecutionRedriven, null,
                Map.of("run", Integer.toString(workflow.run)), now);
        enqueue(video, PipelineStep.first(), maxAttempts, now, now);
    }

    @Override
    public synchronized boolean enqueue(VideoId video, PipelineStep step, int maxAttempts, Instant runAt, Instant now) {
        Workflow workflow = workflows.get(video);
        if (workflow == null || workflow.jobs.containsKey(step)) {
            return false;
        }
        workflow.jobs.put(step, new JobRecord(nextJob++, video, step, JobState.AVAILABLE, 0, maxAttempts, runAt, null, null, null, now, now, null));
        record(video, HistoryEventType.TaskScheduled, step, Map.of(), now);
        return true;
    }

    @Override
    public synchronized Optional<WorkflowState> lock(VideoId video) {
        return Optional.ofNullable(workflows.get(video)).map(w -> {
            Map<PipelineStep, JobState> states = new EnumMap<>(PipelineStep.class);
            w.jobs.forEach((step, job) -> states.put(step, job.state()));
            return new WorkflowState(video, w.status, states);
        });
    }

    @Override
    public synchronized void finish(VideoId video, WorkflowStatus status, String reason, Instant now) {
        if (status == WorkflowStatus.RUNNING) {
            throw new IllegalArgumentException("finish needs a final status");
        }
        Workflow workflow = workflows.get(video);
        if (workflow != null) {
            workflow.status = status;
            workflow.reason = reason;
            record(video, switch (status) {
                case SUCCEEDED -> HistoryEventType.ExecutionSucceeded;
                case FAILED -> HistoryEventType.ExecutionFailed;
                case CANCELLED -> HistoryEventType.ExecutionAborted;
                case RUNNING -> throw new IllegalArgumentException("finish needs a final status");
            }, null, reason == null ? Map.of() : Map.of("reason", reason), now);
        }
    }

    @Override
    public synchronized int cancelUnfinished(VideoId video, Instant now) {
        Workflow workflow = workflows.get(video);
        if (workflow == null) {
            return 0;
        }
        int cancelled = 0;
        for (JobRecord job : List.copyOf(workflow.jobs.values())) {
            if (!job.state().isFinal()) {
                workflow.jobs.put(job.step(), withState(job, JobState.CANCELLED, now));
                record(video, HistoryEventType.TaskCancelled, job.step(), Map.of(), now);
                cancelled++;
            }
        }
        return cancelled;
    }

    @Override
    public synchronized void record(VideoId video, HistoryEventType type, PipelineStep step, Map<String, String> details, Instant now) {
        List<HistoryEvent> history = histories.computeIfAbsent(video, v -> new ArrayList<>());
        history.add(new HistoryEvent(history.size() + 1, history.size(), now, type, step, null, details));
    }

    @Override
    public synchronized Optional<JobRecord> job(long id) {
        return allJobs().filter(job -> job.id() == id).findFirst();
    }

    @Override
    public synchronized List<JobRecord> jobs(Optional<JobState> state, Optional<PipelineStep> step, Optional<Long> beforeId, int limit) {
        return allJobs().filter(job -> state.isEmpty() || job.state() == state.get())
                .filter(job -> step.isEmpty() || job.step() == step.get())
                .filter(job -> beforeId.isEmpty() || job.id() < beforeId.get())
                .sorted(Comparator.comparingLong(JobRecord::id).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized List<QueueStats> queueStats(Instant now) {
        List<QueueStats> stats = new ArrayList<>();
        for (PipelineStep step : PipelineStep.values()) {
            Map<JobState, Long> counts = new EnumMap<>(JobState.class);
            for (JobState state : JobState.values()) {
                counts.put(state, 0L);
            }
            allJobs().filter(job -> job.step() == step).forEach(job -> counts.merge(job.state(), 1L, Long::sum));
            // only a due job waits: one whose time has not come yet is not late
            Duration oldest = allJobs().filter(job -> job.step() == step && job.state() == JobState.AVAILABLE && !job.runAt().isAfter(now))
                    .map(job -> Duration.between(job.runAt(), now)).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
            stats.add(new QueueStats(step, counts, oldest, paused.contains(step)));
        }
        return stats;
    }

    @Override
    public synchronized int redrive(VideoId video, int attempts, Instant now) {
        Workflow workflow = workflows.get(video);
        if (workflow == null) {
            return 0;
        }
        int redriven = 0;
        for (JobRecord job : List.copyOf(workflow.jobs.values())) {
            if (job.state().canBeRetried()) {
                // as in the table: the spent attempts stay spent (the attempt is the workers' fencing token), and
                // `attempts` more are allowed on top of them
                workflow.jobs.put(job.step(), new JobRecord(job.id(), video, job.step(), JobState.AVAILABLE, job.attemptsUsed(),
                        job.attemptsUsed() + attempts, now, null, null, job.lastError(), job.createdAt(), now, null));
                record(video, HistoryEventType.TaskRedriven, job.step(), Map.of(), now);
                redriven++;
            }
        }
        if (redriven > 0) {
            workflow.run++;
            workflow.status = WorkflowStatus.RUNNING;
            workflow.reason = null;
            record(video, HistoryEventType.ExecutionRedriven, null, Map.of("run", Integer.toString(workflow.run)), now);
        }
        return redriven;
    }

    @Override
    public synchronized List<HistoryEvent> history(VideoId video) {
        return List.copyOf(histories.getOrDefault(video, List.of()));
    }

    @Override
    public synchronized Optional<WorkflowProgress> progress(VideoId video) {
        return Optional.ofNullable(workflows.get(video)).map(w -> {
            List<WorkflowProgress.StepProgress> steps = w.jobs.values().stream()
                    .map(job -> new WorkflowProgress.StepProgress(job.step(), job.state(), job.attemptsUsed(), job.attemptsAllowed(), job.lastError()))
                    .toList();
            // a succeeded workflow has done every step, also after its jobs were pruned
            int completed = w.status == WorkflowStatus.SUCCEEDED ? PipelineStep.values().length
                    : (int) w.jobs.values().stream().filter(job -> job.state() == JobState.COMPLETED).count();
            List<PipelineStep> current = w.jobs.values().stream().filter(job -> !job.state().isFinal()).map(JobRecord::step).toList();
            return new WorkflowProgress(w.status, w.run, w.reason, completed, PipelineStep.values().length, current, steps);
        });
    }

    @Override
    public synchronized Map<VideoId, WorkflowProgress> progressOf(Collection<VideoId> videos) {
        Map<VideoId, WorkflowProgress> progress = new HashMap<>();
        videos.forEach(video -> progress(video).ifPresent(p -> progress.put(video, p)));
        return progress;
    }

    @Override
    public synchronized int prune(Instant before) {
        List<VideoId> old = workflows.entrySet().stream().filter(e -> e.getValue().status == WorkflowStatus.SUCCEEDED)
                .filter(e -> e.getValue().jobs.values().stream().allMatch(job -> job.finishedAt() != null && job.finishedAt().isBefore(before)))
                .map(Map.Entry::getKey).toList();
        int pruned = 0;
        for (VideoId video : old) {
            pruned += workflows.get(video).jobs.size() + histories.getOrDefault(video, List.of()).size();
            workflows.get(video).jobs.clear();
            histories.remove(video);
        }
        return pruned;
    }

    @Override
    public synchronized Set<PipelineStep> pausedSteps() {
        return Set.copyOf(paused);
    }

    @Override
    public synchronized void pause(PipelineStep step) {
        paused.add(step);
    }

    @Override
    public synchronized void resume(PipelineStep step) {
        paused.remove(step);
    }

    @Override
    public synchronized List<PipelineJob> claim(String worker, Set<PipelineStep> steps, int limit, Instant now, Instant leaseUntil) {
        List<JobRecord> due = allJobs().filter(job -> job.state() == JobState.AVAILABLE && steps.contains(job.step()) && !job.runAt().isAfter(now))
                .sorted(Comparator.comparing(JobRecord::runAt).thenComparingLong(JobRecord::id)).limit(Math.max(0, limit)).toList();
        List<PipelineJob> claimed = new ArrayList<>();
        for (JobRecord job : due) {
            int[] counts = claims.computeIfAbsent(job.id(), id -> new int[2]);
            counts[0]++;
            put(new JobRecord(job.id(), job.videoId(), job.step(), JobState.RUNNING, counts[0] - counts[1], job.attemptsAllowed(), job.runAt(),
                    worker, leaseUntil, job.lastError(), job.createdAt(), now, null));
            record(job.videoId(), HistoryEventType.TaskStarted, job.step(), Map.of("worker", worker), now);
            // as the table's max_attempts, which each snooze raises by one
            claimed.add(new PipelineJob(new JobLease(job.id(), job.videoId(), job.step(), counts[0]), job.attemptsAllowed() + counts[1], counts[1],
                    data.getOrDefault(job.id(), Map.of())));
        }
        return claimed;
    }

    @Override
    public synchronized List<PipelineJob> claimEach(String worker, Map<PipelineStep, Integer> room, Instant now, Instant leaseUntil) {
        List<PipelineJob> claimed = new ArrayList<>();
        room.forEach((step, jobs) -> claimed.addAll(claim(worker, Set.of(step), jobs, now, leaseUntil)));
        claimed.sort(Comparator.comparingLong(job -> job.lease().jobId()));
        return claimed;
    }

    @Override
    public synchronized List<PipelineJob> claimWithinClusterLimit(String worker, PipelineStep step, int limit, int clusterLimit, Instant now,
                                                                  Instant leaseUntil) {
        long running = allJobs().filter(job -> job.step() == step && job.state() == JobState.RUNNING).count();
        return claim(worker, Set.of(step), (int) Math.min(limit, Math.max(0, clusterLimit - running)), now, leaseUntil);
    }

    @Override
    public synchronized boolean heartbeat(JobLease lease, Instant leaseUntil) {
        return held(lease).map(job -> {
            put(new JobRecord(job.id(), job.videoId(), job.step(), job.state(), job.attemptsUsed(), job.attemptsAllowed(), job.runAt(),
                    job.leaseOwner(), leaseUntil, job.lastError(), job.createdAt(), job.updatedAt(), null));
            return true;
        }).orElse(false);
    }

    @Override
    public synchronized boolean complete(JobLease lease, Instant now) {
        return held(lease).map(job -> {
            put(withState(job, JobState.COMPLETED, now));
            record(job.videoId(), HistoryEventType.TaskSucceeded, job.step(), Map.of(), now);
            return true;
        }).orElse(false);
    }

    @Override
    public synchronized Set<JobLease> completeAll(Collection<JobLease> leases, Instant now) {
        Set<JobLease> completed = new java.util.HashSet<>();
        leases.forEach(lease -> {
            if (complete(lease, now)) {
                completed.add(lease);
            }
        });
        return completed;
    }

    @Override
    public synchronized FailResult fail(JobLease lease, String error, boolean permanent, Instant retryAt, Instant now) {
        Optional<JobRecord> held = held(lease);
        if (held.isEmpty()) {
            return FailResult.LOST;
        }
        JobRecord job = held.get();
        boolean dead = permanent || job.attemptsUsed() >= job.attemptsAllowed();
        put(new JobRecord(job.id(), job.videoId(), job.step(), dead ? JobState.DEAD : JobState.AVAILABLE, job.attemptsUsed(), job.attemptsAllowed(),
                dead ? job.runAt() : retryAt, null, null, error, job.createdAt(), now, dead ? now : null));
        record(job.videoId(), HistoryEventType.TaskFailed, job.step(), Map.of("error", error), now);
        return dead ? FailResult.DEAD : FailResult.RETRY_SCHEDULED;
    }

    @Override
    public synchronized boolean snooze(JobLease lease, Instant runAt, Map<String, String> snoozeData, Instant now) {
        return held(lease).map(job -> {
            claims.get(job.id())[1]++;
            data.put(job.id(), Map.copyOf(snoozeData));
            put(new JobRecord(job.id(), job.videoId(), job.step(), JobState.AVAILABLE, job.attemptsUsed() - 1, job.attemptsAllowed(), runAt, null,
                    null, job.lastError(), job.createdAt(), now, null));
            record(job.videoId(), HistoryEventType.TaskSnoozed, job.step(), Map.of(), now);
            return true;
        }).orElse(false);
    }

    @Override
    public synchronized boolean release(JobLease lease, Instant now) {
        return held(lease).map(job -> {
            claims.get(job.id())[1]++;
            put(new JobRecord(job.id(), job.videoId(), job.step(), JobState.AVAILABLE, job.attemptsUsed() - 1, job.attemptsAllowed(), now, null,
                    null, job.lastError(), job.createdAt(), now, null));
            return true;
        }).orElse(false);
    }

    @Override
    public synchronized List<RescuedJob> rescueExpired(Instant now) {
        List<RescuedJob> rescued = new ArrayList<>();
        // a lease is good until its instant, as in the table (lease_expires_at < now)
        for (JobRecord job : allJobs().filter(j -> j.state() == JobState.RUNNING && j.leaseExpiresAt().isBefore(now)).toList()) {
            boolean dead = job.attemptsUsed() >= job.attemptsAllowed();
            JobLease lease = new JobLease(job.id(), job.videoId(), job.step(), claims.get(job.id())[0]);
            put(new JobRecord(job.id(), job.videoId(), job.step(), dead ? JobState.DEAD : JobState.AVAILABLE, job.attemptsUsed(), job.attemptsAllowed(),
                    now, null, null, "the lease of worker " + job.leaseOwner() + " expired", job.createdAt(), now, dead ? now : null));
            record(job.videoId(), HistoryEventType.TaskTimedOut, job.step(), Map.of(), now);
            rescued.add(new RescuedJob(lease, dead));
        }
        return rescued;
    }

    /** The job, when {@code lease} still holds it: RUNNING under the same attempt. */
    private Optional<JobRecord> held(JobLease lease) {
        return job(lease.jobId()).filter(job -> job.state() == JobState.RUNNING && claims.get(job.id())[0] == lease.attempt());
    }

    private void put(JobRecord job) {
        workflows.get(job.videoId()).jobs.put(job.step(), job);
    }

    /** Moves a job as a worker would: to {@code state}, with {@code error} as its last error (tests set up dead jobs this way). */
    public synchronized void settle(VideoId video, PipelineStep step, JobState state, String error, Instant now) {
        JobRecord job = workflows.get(video).jobs.get(step);
        workflows.get(video).jobs.put(step, new JobRecord(job.id(), video, step, state, job.attemptsUsed() + 1, job.attemptsAllowed(), job.runAt(),
                null, null, error, job.createdAt(), now, state.isFinal() ? now : null));
    }

    private java.util.stream.Stream<JobRecord> allJobs() {
        return workflows.values().stream().flatMap(w -> w.jobs.values().stream());
    }

    private static JobRecord withState(JobRecord job, JobState state, Instant now) {
        return new JobRecord(job.id(), job.videoId(), job.step(), state, job.attemptsUsed(), job.attemptsAllowed(), job.runAt(), null, null,
                job.lastError(), job.createdAt(), now, state.isFinal() ? now : null);
    }
}
