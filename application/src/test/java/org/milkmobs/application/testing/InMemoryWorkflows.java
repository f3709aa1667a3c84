package org.milkmobs.application.testing;

import java.time.Duration;
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
import org.milkmobs.application.port.out.pipeline.PipelineAdminPort;
import org.milkmobs.application.port.out.pipeline.PipelineControlPort;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.domain.pipeline.HistoryEvent;
import org.milkmobs.domain.pipeline.HistoryEventType;
import org.milkmobs.domain.pipeline.JobRecord;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.pipeline.QueueStats;
import org.milkmobs.domain.pipeline.WorkflowProgress;
import org.milkmobs.domain.pipeline.WorkflowStatus;
import org.milkmobs.domain.video.VideoId;

/**
 * Workflows, their jobs and history in memory, as the job tables hold them: one job per step and workflow, a run count
 * that a restart or redrive increases, and paused steps. One lock for everything; there are no leases here (the worker's
 * queue is another port).
 */
public class InMemoryWorkflows implements WorkflowPort, PipelineAdminPort, PipelineControlPort {

    private final Map<VideoId, Workflow> workflows = new LinkedHashMap<>();
    private final Map<VideoId, List<HistoryEvent>> histories = new HashMap<>();
    private final Set<PipelineStep> paused = EnumSet.noneOf(PipelineStep.class);
    private long nextJob = 1;

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
        Workflow workflow = workflows.get(video);
        if (workflow != null) {
            workflow.status = status;
            workflow.reason = reason;
            record(video, switch (status) {
                case SUCCEEDED -> HistoryEventType.ExecutionSucceeded;
                case FAILED -> HistoryEventType.ExecutionFailed;
                default -> HistoryEventType.ExecutionAborted;
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
            allJobs().filter(job -> job.step() == step).forEach(job -> counts.merge(job.state(), 1L, Long::sum));
            Duration oldest = allJobs().filter(job -> job.step() == step && job.state() == JobState.AVAILABLE)
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
                workflow.jobs.put(job.step(), new JobRecord(job.id(), video, job.step(), JobState.AVAILABLE, 0, attempts, now, null, null,
                        job.lastError(), job.createdAt(), now, null));
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
            int completed = (int) w.jobs.values().stream().filter(job -> job.state() == JobState.COMPLETED).count();
            List<PipelineStep> current = w.jobs.values().stream().filter(job -> !job.state().isFinal()).map(JobRecord::step).toList();
            return new WorkflowProgress(w.status, w.run, w.reason, completed, PipelineStep.values().length, current, steps);
        });
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
