package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.application.port.out.pipeline.WorkflowPort.WorkflowState;
import org.milkmobs.domain.pipeline.JobLease;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.pipeline.WorkflowStatus;
import org.milkmobs.domain.video.VideoId;

/**
 * A video's workflow as the pipeline decides on it: a start (or restart) schedules the first step alone, a step is
 * scheduled once, the lock reads the jobs' states, a finish needs a final status, a cancel stops only unfinished jobs
 * and fences their workers. Run on the twin and on PostgreSQL.
 */
public abstract class WorkflowContract extends PipelinePortsFixture {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aStartSchedulesTheFirstStepAloneAndARestartForgetsTheEarlierJobs() {
        VideoId video = storedVideo();
        start(video);
        assertThat(lock(video).status()).isEqualTo(WorkflowStatus.RUNNING);
        assertThat(lock(video).jobs()).containsExactly(Map.entry(PipelineStep.first(), JobState.AVAILABLE));

        inTransaction(() -> workflows().enqueue(video, PipelineStep.EMBED, 3, NOW, NOW));
        inTransaction(() -> {
            workflows().finish(video, WorkflowStatus.FAILED, "the embed step failed", NOW);
            return null;
        });
        assertThat(lock(video).status()).isEqualTo(WorkflowStatus.FAILED);
        start(video);

        assertThat(lock(video).status()).isEqualTo(WorkflowStatus.RUNNING);
        assertThat(lock(video).jobs()).containsExactly(Map.entry(PipelineStep.first(), JobState.AVAILABLE));
    }

    @Test
    void aStepIsScheduledOnce() {
        VideoId video = storedVideo();
        start(video);

        assertThat(inTransaction(() -> workflows().enqueue(video, PipelineStep.EMBED, 3, NOW, NOW))).isTrue();
        assertThat(inTransaction(() -> workflows().enqueue(video, PipelineStep.EMBED, 3, NOW, NOW))).isFalse();
        inTransaction(() -> {
            workflows().enqueueAll(video, List.of(PipelineStep.EMBED, PipelineStep.THUMBNAIL, PipelineStep.UNDERSTAND), 3, NOW, NOW);
            workflows().enqueueAll(video, List.of(), 3, NOW, NOW);
            return null;
        });

        assertThat(lock(video).jobs().keySet()).containsExactlyInAnyOrder(PipelineStep.first(), PipelineStep.EMBED, PipelineStep.THUMBNAIL,
                PipelineStep.UNDERSTAND);
        assertThat(lock(video).jobs().values()).containsOnly(JobState.AVAILABLE);
    }

    @Test
    void aCancelStopsOnlyUnfinishedJobsAndFencesTheirWorkers() {
        VideoId video = storedVideo();
        start(video);
        JobLease first = claim(video);
        inTransaction(() -> queue().complete(first, NOW));
        inTransaction(() -> {
            workflows().enqueueAll(video, List.of(PipelineStep.THUMBNAIL, PipelineStep.UNDERSTAND), 3, NOW, NOW);
            return null;
        });
        JobLease running = claim(video);

        assertThat(inTransaction(() -> workflows().cancelUnfinished(video, NOW))).isEqualTo(2);
        assertThat(inTransaction(() -> workflows().cancelUnfinished(video, NOW))).isZero();

        WorkflowState state = lock(video);
        assertThat(state.jobs()).containsEntry(PipelineStep.first(), JobState.COMPLETED)
                .containsEntry(PipelineStep.THUMBNAIL, JobState.CANCELLED).containsEntry(PipelineStep.UNDERSTAND, JobState.CANCELLED);
        assertThat(state.completed()).containsExactly(PipelineStep.first());
        assertThat(inTransaction(() -> queue().complete(running, NOW))).as("its worker is fenced off").isFalse();
    }

    @Test
    void aFinishNeedsAFinalStatus() {
        VideoId video = storedVideo();
        start(video);

        assertThatThrownBy(() -> inTransaction(() -> {
            workflows().finish(video, WorkflowStatus.RUNNING, null, NOW);
            return null;
        })).isInstanceOf(IllegalArgumentException.class);
        inTransaction(() -> {
            workflows().finish(video, WorkflowStatus.SUCCEEDED, null, NOW);
            return null;
        });

        assertThat(lock(video).status()).isEqualTo(WorkflowStatus.SUCCEEDED);
    }

    @Test
    void aVideoNeverStartedHasNoWorkflowToLock() {
        VideoId never = storedVideo();
        assertThat(inTransaction(() -> workflows().lock(never))).isEmpty();
    }

    private void start(VideoId video) {
        inTransaction(() -> {
            workflows().start(video, 3, NOW);
            return null;
        });
    }

    private WorkflowState lock(VideoId video) {
        return inTransaction(() -> workflows().lock(video)).orElseThrow();
    }

    /** Claims one due job of {@code video}'s (the steps this test scheduled last, the only ones available). */
    private JobLease claim(VideoId video) {
        return inTransaction(() -> queue().claim("worker-1", Set.of(PipelineStep.values()), 100, NOW, NOW.plus(Duration.ofMinutes(1))))
                .stream().map(job -> job.lease()).filter(lease -> lease.videoId().equals(video)).findFirst().orElseThrow();
    }
}
