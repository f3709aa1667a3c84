package org.milkmobs.application.service.pipeline;

import org.milkmobs.application.port.in.pipeline.JobSignal;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.domain.pipeline.PipelineJob;

/**
 * One step's work. It runs outside any transaction and must be safe to run again (a rescued job
 * re-runs). It returns its results as a {@link StepOutcome.ResultWrite} rather than writing them;
 * an exception it throws counts as a retryable failure.
 */
@FunctionalInterface
public interface StepHandler {

    StepOutcome execute(PipelineJob job, JobSignal signal) throws Exception;
}
