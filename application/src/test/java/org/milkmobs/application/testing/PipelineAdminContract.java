package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.pipeline.JobQueuePort;
import org.milkmobs.application.port.out.pipeline.PipelineAdminPort;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.application.port.out.pipeline.WorkflowProgressPort;
import org.milkmobs.domain.pipeline.HistoryEvent;
import org.milkmobs.domain.pipeline.HistoryEventType;
import org.milkmobs.domain.pipeline.JobLease;
import org.milkmobs.domain.pipeline.JobRecord;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.pipeline.QueueStats;
import org.milkmobs.domain.pipeline.WorkflowProgress;
import org.milkmobs.domain.pipeline.WorkflowStatus;
import org.milkmobs.domain.video.VideoId;

/**
 * The job table as an admin reads and repairs it: a workflow's history in the order things happened (every step
 * scheduled, started and settled), a redrive that gives dead and cancelled jobs fresh attempts on top of the spent
 * ones and counts as the workflow's next run, the steps' states, and queues whose oldest wait counts only due jobs.
 * Run on the twin and on PostgreSQL.
 */
public abstract class PipelineAdminContract extends ContractSuite {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    protected abstract PipelineAdminPort admin();

    /** The same store's progress view (the SQL adapter and the twin implement both ports). */
    protected abstract WorkflowProgressPort progress();

    protected abstract WorkflowPort workflows();

    /** The queue, to move jobs as workers do. */
    protected abstract JobQueuePort queue();

    /** A video the store knows (the SQL store's workflows refer to videos). */
    protected abstract VideoId storedVideo();

    @Test
    void theHistoryListsEveryStepScheduledStartedAndSettledInOrder() {
        VideoId video = storedVideo();
        start(video, NOW);
        JobLease preflight = claim(video, PipelineStep.PREFLIGHT, NOW.plusSeconds(1));
        inTransaction(() -> queue().complete(preflight, NOW.plusSeconds(2)));
        enqueue(video, NOW.plusSeconds(2), PipelineStep.THUMBNAIL, PipelineStep.EMBED);
        JobLease embed = claim(video, PipelineStep.EMBED, NOW.plusSeconds(3));
        inTransaction(() -> queue().fail(embed, "quota exceeded", true, NOW.plusSeconds(4), NOW.plusSeconds(4)));

        List<HistoryEvent> history = inTransaction(() -> admin().history(video));

        assertThat(history).extracting(e -> e.type() + (e.step() == null ? "" : ":" + e.step().wireName())).containsExactly(
                "ExecutionStarted", "TaskScheduled:preflight", "TaskStarted:preflight", "TaskSucceeded:preflight",
                "TaskScheduled:thumbnail", "TaskScheduled:embed", "TaskStarted:embed", "TaskFailed:embed");
        assertThat(history).extracting(HistoryEvent::id).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(history).allSatisfy(e -> assertThat(e.previousEventId()).isEqualTo(e.id() - 1));
        assertThat(history).extracting(HistoryEvent::timestamp).isSorted();
        assertThat(history.get(history.size() - 1).details()).containsEntry("error", "quota exceeded");
        VideoId never = storedVideo();
        assertThat(inTransaction(() -> admin().history(never))).as("a video never started").isEmpty();
    }

    @Test
    void aRedriveGivesFreshAttemptsOnTopOfTheSpentOnesAndCountsAsTheNextRun() {
        VideoId video = storedVideo();
        startPastPreflight(video, NOW);
        enqueue(video, NOW, PipelineStep.THUMBNAIL, PipelineStep.UNDERSTAND, PipelineStep.EMBED);
        JobLease embed = claim(video, PipelineStep.EMBED, NOW);
        inTransaction(() -> queue().fail(embed, "quota exceeded", true, NOW, NOW));
        inTransaction(() -> workflows().cancelUnfinished(video, NOW));
        finish(video, WorkflowStatus.FAILED, "the embed step failed", NOW);
        Instant later = NOW.plus(Duration.ofMinutes(5));

        int redriven = inTransaction(() -> admin().redrive(video, 5, later));

        assertThat(redriven).as("the dead branch and its two cancelled siblings").isEqualTo(3);
        WorkflowProgress progress = inTransaction(() -> progress().progress(video)).orElseThrow();
        assertThat(progress.status()).isEqualTo(WorkflowStatus.RUNNING);
        assertThat(progress.reason()).isNull();
        assertThat(progress.run()).as("a redrive is the workflow's next run").isEqualTo(2);
        JobRecord dead = job(video, PipelineStep.EMBED);
        assertThat(dead.state()).isEqualTo(JobState.AVAILABLE);
        assertThat(dead.attemptsUsed()).as("spent attempts stay spent").isEqualTo(1);
        assertThat(dead.attemptsAllowed()).isEqualTo(1 + 5);
        assertThat(dead.runAt()).isEqualTo(later);
        assertThat(dead.finishedAt()).isNull();
        assertThat(dead.lastError()).as("kept for the admin").isEqualTo("quota exceeded");
        JobRecord cancelled = job(video, PipelineStep.THUMBNAIL);
        assertThat(cancelled.state()).isEqualTo(JobState.AVAILABLE);
        assertThat(cancelled.attemptsUsed()).isZero();
        assertThat(cancelled.attemptsAllowed()).isEqualTo(5);
        assertThat(job(video, PipelineStep.PREFLIGHT).state()).as("a completed step is not run again").isEqualTo(JobState.COMPLETED);

        List<HistoryEvent> history = inTransaction(() -> admin().history(video));
        List<HistoryEvent> tail = history.subList(history.size() - 4, history.size());
        assertThat(tail).extracting(HistoryEvent::type).containsExactly(HistoryEventType.TaskRedriven, HistoryEventType.TaskRedriven,
                HistoryEventType.TaskRedriven, HistoryEventType.ExecutionRedriven);
        assertThat(tail.subList(0, 3)).extracting(HistoryEvent::step)
                .containsExactlyInAnyOrder(PipelineStep.THUMBNAIL, PipelineStep.UNDERSTAND, PipelineStep.EMBED);
        assertThat(tail.get(3).details()).containsEntry("run", "2");

        JobLease again = claim(video, PipelineStep.EMBED, later);
        assertThat(again.attempt()).as("the fencing token keeps growing").isEqualTo(2);
        assertThat(inTransaction(() -> queue().complete(embed, later))).as("the first worker stays fenced off").isFalse();
        assertThat(inTransaction(() -> queue().complete(again, later))).isTrue();
    }

    @Test
    void aRedriveOfAWorkflowWithNothingDeadOrCancelledChangesNothing() {
        VideoId video = storedVideo();
        start(video, NOW);
        int events = inTransaction(() -> admin().history(video)).size();

        assertThat(inTransaction(() -> admin().redrive(video, 5, NOW))).isZero();
        VideoId never = storedVideo();
        assertThat(inTransaction(() -> admin().redrive(never, 5, NOW))).as("a video never started").isZero();

        assertThat(inTransaction(() -> progress().progress(video)).orElseThrow().run()).isEqualTo(1);
        assertThat(inTransaction(() -> admin().history(video))).hasSize(events);
        assertThat(job(video, PipelineStep.PREFLIGHT).attemptsAllowed()).isEqualTo(3);
    }

    @Test
    void aSucceededWorkflowHasEveryStepCompletedAndNoCurrentStep() {
        VideoId video = storedVideo();
        startPastPreflight(video, NOW);
        finish(video, WorkflowStatus.SUCCEEDED, null, NOW);

        WorkflowProgress progress = inTransaction(() -> progress().progress(video)).orElseThrow();

        assertThat(progress.status()).isEqualTo(WorkflowStatus.SUCCEEDED);
        assertThat(progress.completedSteps()).isEqualTo(progress.totalSteps()).isEqualTo(PipelineStep.values().length);
        assertThat(progress.currentSteps()).isEmpty();
        assertThat(progress.steps()).extracting(WorkflowProgress.StepProgress::state).containsOnly(JobState.COMPLETED);
    }

    @Test
    void aRunningWorkflowCountsItsCompletedStepsAndShowsTheOnesRunningOrWaiting() {
        VideoId video = storedVideo();
        startPastPreflight(video, NOW);
        enqueue(video, NOW, PipelineStep.THUMBNAIL, PipelineStep.UNDERSTAND, PipelineStep.EMBED);
        claim(video, PipelineStep.EMBED, NOW);

        WorkflowProgress progress = inTransaction(() -> progress().progress(video)).orElseThrow();

        assertThat(progress.completedSteps()).isEqualTo(1);
        assertThat(progress.currentSteps()).containsExactly(PipelineStep.THUMBNAIL, PipelineStep.UNDERSTAND, PipelineStep.EMBED);
        assertThat(progress.steps()).extracting(s -> s.step() + "=" + s.state()).containsExactly("PREFLIGHT=COMPLETED",
                "THUMBNAIL=AVAILABLE", "UNDERSTAND=AVAILABLE", "EMBED=RUNNING");
    }

    @Test
    void theQueuesCountJobsByStateButOnlyADueJobWaits() {
        VideoId due = storedVideo();
        VideoId notYetDue = storedVideo();
        start(due, NOW);
        inTransaction(() -> {
            workflows().start(notYetDue, 3, NOW);
            return null;
        });
        JobLease preflight = claim(notYetDue, PipelineStep.PREFLIGHT, NOW);
        inTransaction(() -> queue().complete(preflight, NOW));
        inTransaction(() -> workflows().enqueue(notYetDue, PipelineStep.EMBED, 3, NOW.plus(Duration.ofHours(1)), NOW));
        Instant now = NOW.plusSeconds(30);

        List<QueueStats> stats = inTransaction(() -> admin().queueStats(now));

        assertThat(stats).extracting(QueueStats::step).containsExactly(PipelineStep.values());
        assertThat(stats).allSatisfy(q -> assertThat(q.counts().keySet()).as("every state, zero when empty")
                .containsExactlyInAnyOrder(JobState.values()));
        assertThat(stats).allSatisfy(q -> assertThat(q.oldestWaiting()).isGreaterThanOrEqualTo(Duration.ZERO));
        QueueStats first = stats(stats, PipelineStep.PREFLIGHT);
        assertThat(first.counts().get(JobState.AVAILABLE)).isGreaterThanOrEqualTo(1);
        assertThat(first.counts().get(JobState.COMPLETED)).isGreaterThanOrEqualTo(1);
        assertThat(first.oldestWaiting()).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        QueueStats embed = stats(stats, PipelineStep.EMBED);
        assertThat(embed.counts().get(JobState.AVAILABLE)).as("a job waiting for its time is still in the queue").isGreaterThanOrEqualTo(1);
    }

    @Test
    void aStepWithOnlyAJobNotYetDueHasNobodyWaiting() {
        VideoId video = storedVideo();
        startPastPreflight(video, NOW);
        // a step no other test of the suite schedules, so the shared table holds no other job of it
        inTransaction(() -> workflows().enqueue(video, PipelineStep.EMIT, 3, NOW.plus(Duration.ofHours(1)), NOW));

        QueueStats emit = stats(inTransaction(() -> admin().queueStats(NOW)), PipelineStep.EMIT);

        assertThat(emit.counts()).containsEntry(JobState.AVAILABLE, 1L);
        assertThat(emit.oldestWaiting()).isEqualTo(Duration.ZERO);
    }

    private static QueueStats stats(List<QueueStats> stats, PipelineStep step) {
        return stats.stream().filter(q -> q.step() == step).findFirst().orElseThrow();
    }

    private JobRecord job(VideoId video, PipelineStep step) {
        return inTransaction(() -> admin().jobs(Optional.empty(), Optional.of(step), Optional.empty(), 1000)).stream()
                .filter(j -> j.videoId().equals(video)).findFirst().orElseThrow();
    }

    private void start(VideoId video, Instant at) {
        inTransaction(() -> {
            workflows().start(video, 3, at);
            return null;
        });
    }

    /** Starts {@code video}'s workflow and completes its first step, preflight, all at {@code at}. */
    private void startPastPreflight(VideoId video, Instant at) {
        start(video, at);
        JobLease preflight = claim(video, PipelineStep.PREFLIGHT, at);
        inTransaction(() -> queue().complete(preflight, at));
    }

    private void enqueue(VideoId video, Instant at, PipelineStep... steps) {
        inTransaction(() -> {
            workflows().enqueueAll(video, List.of(steps), 3, at, at);
            return null;
        });
    }

    private void finish(VideoId video, WorkflowStatus status, String reason, Instant at) {
        inTransaction(() -> {
            workflows().finish(video, status, reason, at);
            return null;
        });
    }

    /** Claims {@code video}'s job of {@code step}, as a worker at {@code at} would (other videos' due jobs are given back). */
    private JobLease claim(VideoId video, PipelineStep step, Instant at) {
        return inTransaction(() -> {
            List<JobLease> leases = queue().claim("worker-1", Set.of(step), 1000, at, at.plus(Duration.ofMinutes(1))).stream()
                    .map(job -> job.lease()).toList();
            leases.stream().filter(lease -> !lease.videoId().equals(video)).forEach(lease -> queue().release(lease, at));
            return leases.stream().filter(lease -> lease.videoId().equals(video)).findFirst().orElseThrow();
        });
    }
}
