package org.milkmobs.application.service.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.Page;
import org.milkmobs.application.port.in.ForbiddenException;
import org.milkmobs.application.port.in.VideoNotFoundException;
import org.milkmobs.application.port.in.pipeline.PipelineAdminUseCase;
import org.milkmobs.application.port.in.pipeline.PipelineAdminUseCase.JobNotFoundException;
import org.milkmobs.application.port.in.pipeline.PipelineAdminUseCase.JobStateConflictException;
import org.milkmobs.application.testing.InMemoryVideoStore;
import org.milkmobs.application.testing.InMemoryWorkflows;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.pipeline.HistoryEventType;
import org.milkmobs.domain.pipeline.JobRecord;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.pipeline.QueueStats;
import org.milkmobs.domain.pipeline.WorkflowStatus;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.Failure;
import org.milkmobs.domain.video.FailureCode;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoStatus;

/** Watching and repairing the pipeline: pages of jobs, retry (redrive) and cancel, pauses, a video's history. */
class PipelineAdminServiceTest {

    private static final Caller ADMIN = Caller.admin(new UserId("root"));
    private static final Caller ALICE = Caller.consumer(new UserId("alice"));

    private final TestClock clock = TestClock.at("2026-12-04T08:00:00Z");
    private final InMemoryVideoStore videos = new InMemoryVideoStore();
    private final InMemoryWorkflows workflows = new InMemoryWorkflows();
    private final PipelineAdminUseCase admin = new PipelineAdminService(workflows, workflows, workflows, videos, videos,
            new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(5)), clock);

    @Test
    void aDeadJobIsRetriedWithFreshAttemptsAndItsFailedVideoProcessesAgain() {
        Video video = processing();
        workflows.settle(video.id(), PipelineStep.PREFLIGHT, JobState.DEAD, "ffprobe crashed", clock.instant());
        workflows.finish(video.id(), WorkflowStatus.FAILED, "preflight died", clock.instant());
        failed(video);
        long job = onlyJob().id();
        clock.advance(Duration.ofMinutes(1));

        JobRecord retried = admin.retry(job, ADMIN);

        assertThat(retried.state()).isEqualTo(JobState.AVAILABLE);
        assertThat(retried.attemptsUsed()).as("the spent attempt stays spent").isEqualTo(1);
        assertThat(retried.attemptsAllowed()).as("five fresh ones on top").isEqualTo(1 + 5);
        assertThat(videos.loadVideo(video.id()).orElseThrow().status()).isEqualTo(VideoStatus.PROCESSING);
        assertThat(workflows.progress(video.id()).orElseThrow().status()).isEqualTo(WorkflowStatus.RUNNING);
        assertThat(workflows.progress(video.id()).orElseThrow().run()).as("a redrive is the next run").isEqualTo(2);
        assertThat(workflows.history(video.id())).extracting(e -> e.type()).endsWith(HistoryEventType.TaskRedriven,
                HistoryEventType.ExecutionRedriven);
    }

    @Test
    void aRunningJobIsNotRetriedAndAFinishedOneIsNotCancelled() {
        Video video = processing();
        long job = onlyJob().id();

        assertThatThrownBy(() -> admin.retry(job, ADMIN)).isInstanceOf(JobStateConflictException.class).hasMessageContaining("AVAILABLE");
        workflows.settle(video.id(), PipelineStep.PREFLIGHT, JobState.COMPLETED, null, clock.instant());
        assertThatThrownBy(() -> admin.cancel(job, ADMIN)).isInstanceOf(JobStateConflictException.class);
        assertThatThrownBy(() -> admin.retry(999, ADMIN)).isInstanceOf(JobNotFoundException.class);
    }

    @Test
    void cancellingStopsTheWorkflowAndFailsTheVideoAsCancelled() {
        Video video = processing();
        long job = onlyJob().id();

        JobRecord cancelled = admin.cancel(job, ADMIN);

        assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
        assertThat(workflows.progress(video.id()).orElseThrow().status()).isEqualTo(WorkflowStatus.CANCELLED);
        Video stopped = videos.loadVideo(video.id()).orElseThrow();
        assertThat(stopped.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(stopped.failure()).hasValueSatisfying(f -> assertThat(f.code()).isEqualTo(FailureCode.CANCELLED));
        assertThat(admin.retry(job, ADMIN).state()).as("a cancelled job can be retried").isEqualTo(JobState.AVAILABLE);
    }

    @Test
    void onlyAdminsRepairAndARejectedUploadIsNotRetried() {
        Video video = videos.saveVideo(TestVideos.submitted("alice"));
        workflows.start(video.id(), 3, clock.instant());
        workflows.settle(video.id(), PipelineStep.PREFLIGHT, JobState.DEAD, "not a video", clock.instant());
        Video rejected = videos.loadVideo(video.id()).orElseThrow();
        rejected.fail(new Failure(FailureCode.INVALID_MEDIA, "not a video"), clock.instant());
        videos.saveVideo(rejected);
        long job = onlyJob().id();

        assertThatThrownBy(() -> admin.retry(job, ALICE)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> admin.cancel(job, ALICE)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> admin.retry(job, ADMIN)).isInstanceOf(InvalidValueException.class).hasMessageContaining("submit the video again");
        assertThat(onlyJob().state()).isEqualTo(JobState.DEAD);
    }

    @Test
    void jobsComeNewestFirstInPagesAndPausedStepsShowInTheQueues() {
        for (int i = 0; i < 3; i++) {
            processing();
        }

        Page<JobRecord> first = admin.jobs(Optional.of(JobState.AVAILABLE), Optional.empty(), Optional.empty(), 2);
        Page<JobRecord> second = admin.jobs(Optional.of(JobState.AVAILABLE), Optional.empty(), first.nextCursor(), 2);

        assertThat(first.items()).extracting(JobRecord::id).isSortedAccordingTo(java.util.Comparator.reverseOrder()).hasSize(2);
        assertThat(second.items()).hasSize(1);
        assertThat(second.nextCursor()).isEmpty();
        assertThatThrownBy(() -> admin.jobs(Optional.empty(), Optional.empty(), Optional.of("x"), 2)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> admin.jobs(Optional.empty(), Optional.empty(), Optional.empty(), 201)).isInstanceOf(InvalidValueException.class);

        admin.pause(PipelineStep.EMBED);
        assertThat(admin.queues()).filteredOn(QueueStats::paused).extracting(QueueStats::step).containsExactly(PipelineStep.EMBED);
        assertThat(admin.queues()).filteredOn(q -> q.step() == PipelineStep.PREFLIGHT).singleElement()
                .satisfies(q -> assertThat(q.counts()).containsEntry(JobState.AVAILABLE, 3L));
        admin.resume(PipelineStep.EMBED);
        assertThat(admin.queues()).noneMatch(QueueStats::paused);
    }

    @Test
    void theHistoryIsTheOwnersAndAdminsOnly() {
        Video video = processing();

        assertThat(admin.history(video.id(), ALICE)).extracting(e -> e.type()).containsExactly(HistoryEventType.ExecutionStarted,
                HistoryEventType.TaskScheduled);
        assertThat(admin.history(video.id(), ADMIN)).hasSize(2);
        assertThatThrownBy(() -> admin.history(video.id(), Caller.consumer(new UserId("bob")))).isInstanceOf(VideoNotFoundException.class);
    }

    private Video processing() {
        Video video = TestVideos.submitted("alice");
        video.markUploaded(TestVideos.mediaFacts(), clock.instant());
        video.startProcessing(clock.instant());
        Video stored = videos.saveVideo(video);
        workflows.start(stored.id(), 3, clock.instant());
        return stored;
    }

    private void failed(Video video) {
        Video current = videos.loadVideo(video.id()).orElseThrow();
        current.fail(new Failure(FailureCode.PIPELINE_FAILED, "preflight died"), clock.instant());
        videos.saveVideo(current);
    }

    private JobRecord onlyJob() {
        return workflows.jobs(Optional.empty(), Optional.empty(), Optional.empty(), 10).get(0);
    }
}
