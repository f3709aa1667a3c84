package org.milkmobs.application.service.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.pipeline.JobSignal;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.domain.pipeline.JobLease;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.video.VideoId;

class StepExecutionServiceTest {

    private static PipelineJob job(PipelineStep step) {
        return new PipelineJob(new JobLease(1, VideoId.generate(), step, 1), 3, 0, Map.of());
    }

    private static Map<PipelineStep, StepHandler> every(StepHandler handler) {
        Map<PipelineStep, StepHandler> handlers = new EnumMap<>(PipelineStep.class);
        for (PipelineStep step : PipelineStep.values()) {
            handlers.put(step, handler);
        }
        return handlers;
    }

    @Test
    void aStepWithoutAHandlerIsAConfigurationErrorAtStart() {
        Map<PipelineStep, StepHandler> handlers = every((job, signal) -> StepOutcome.completed(StepOutcome.ResultWrite.NONE));
        handlers.remove(PipelineStep.EMIT);

        assertThatThrownBy(() -> new StepExecutionService(handlers)).hasMessageContaining("EMIT");
    }

    @Test
    void eachJobGoesToItsStepsHandler() {
        Map<PipelineStep, StepHandler> handlers = every((job, signal) -> StepOutcome.retryable("wrong handler"));
        handlers.put(PipelineStep.THUMBNAIL, (job, signal) -> StepOutcome.completed(StepOutcome.ResultWrite.NONE));

        assertThat(new StepExecutionService(handlers).execute(job(PipelineStep.THUMBNAIL), JobSignal.NEVER))
                .isInstanceOf(StepOutcome.Completed.class);
    }

    @Test
    void whateverAHandlerThrowsBecomesARetryableFailure() {
        StepExecutionService service = new StepExecutionService(every((job, signal) -> {
            throw new java.io.IOException("connection reset");
        }));

        StepOutcome outcome = service.execute(job(PipelineStep.EMBED), JobSignal.NEVER);

        assertThat(outcome).isInstanceOfSatisfying(StepOutcome.Failed.class, failed -> {
            assertThat(failed.permanent()).isFalse();
            assertThat(failed.error()).contains("IOException").contains("connection reset");
        });
    }

    @Test
    void aNullOutcomeIsARetryableFailure() {
        StepExecutionService service = new StepExecutionService(every((job, signal) -> null));

        assertThat(service.execute(job(PipelineStep.EMIT), JobSignal.NEVER)).isInstanceOf(StepOutcome.Failed.class);
    }
}
