package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.application.port.out.pipeline.WorkflowProgressPort;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.pipeline.WorkflowProgress;
import org.milkmobs.domain.pipeline.WorkflowStatus;
import org.milkmobs.domain.video.VideoId;

/** A video's progress as its owner reads it, after the pipeline starts it; run on the twin and on PostgreSQL. */
public abstract class WorkflowProgressContract extends ContractSuite {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    protected abstract WorkflowPort workflows();

    protected abstract WorkflowProgressPort progress();

    /** A video the store knows (the SQL store's workflows refer to videos). */
    protected abstract VideoId storedVideo();

    @Test
    void aStartedWorkflowRunsItsFirstStepWithTheAttemptsItWasGiven() {
        VideoId video = storedVideo();
        start(video);

        WorkflowProgress progress = inTransaction(() -> progress().progress(video)).orElseThrow();

        assertThat(progress.status()).isEqualTo(WorkflowStatus.RUNNING);
        assertThat(progress.run()).isEqualTo(1);
        assertThat(progress.completedSteps()).isZero();
        assertThat(progress.totalSteps()).isEqualTo(PipelineStep.values().length);
        assertThat(progress.currentSteps()).containsExactly(PipelineStep.first());
        assertThat(progress.steps()).singleElement().satisfies(step -> {
            assertThat(step.step()).isEqualTo(PipelineStep.first());
            assertThat(step.state()).isEqualTo(JobState.AVAILABLE);
            assertThat(step.attemptsUsed()).isZero();
            assertThat(step.attemptsAllowed()).isEqualTo(3);
        });
    }

    @Test
    void aRestartCountsAsTheNextRun() {
        VideoId video = storedVideo();
        start(video);
        start(video);

        assertThat(inTransaction(() -> progress().progress(video)).orElseThrow().run()).isEqualTo(2);
    }

    @Test
    void aVideoNeverStartedHasNoProgressAndAPageReadsOnlyTheStartedOnes() {
        VideoId started = storedVideo();
        VideoId never = storedVideo();
        start(started);

        assertThat(inTransaction(() -> progress().progress(never))).isEmpty();
        assertThat(inTransaction(() -> progress().progressOf(List.of(started, never))).keySet()).containsExactly(started);
        assertThat(inTransaction(() -> progress().progressOf(List.of()))).isEmpty();
    }

    private void start(VideoId video) {
        inTransaction(() -> {
            workflows().start(video, 3, NOW);
            return null;
        });
    }
}
