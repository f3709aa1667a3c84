package org.milkmobs.application.port.in.pipeline;

import org.milkmobs.domain.pipeline.PipelineJob;

/**
 * Does a claimed job's work. It runs outside any transaction, because steps wait minutes on models and
 * tools; it must not throw (errors come back as {@link StepOutcome.Failed}).
 */
public interface ExecuteStepUseCase {

    StepOutcome execute(PipelineJob job, JobSignal signal);
}
