package org.milkmobs.application.service.pipeline;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.milkmobs.application.port.in.pipeline.ExecuteStepUseCase;
import org.milkmobs.application.port.in.pipeline.JobSignal;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.pipeline.PipelineStep;

/** Dispatches a job to its step's handler and turns whatever the handler throws into an outcome. */
public class StepExecutionService implements ExecuteStepUseCase {

    private static final Logger LOG = Logger.getLogger(StepExecutionService.class.getName());

    private final Map<PipelineStep, StepHandler> handlers;

    /** @throws IllegalArgumentException unless every step has a handler: a gap would stall workflows */
    public StepExecutionService(Map<PipelineStep, StepHandler> handlers) {
        Set<PipelineStep> missing = EnumSet.allOf(PipelineStep.class);
        missing.removeAll(handlers.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no handler for the steps " + missing);
        }
        this.handlers = new EnumMap<>(handlers);
    }

    @Override
    public StepOutcome execute(PipelineJob job, JobSignal signal) {
        try {
            StepOutcome outcome = handlers.get(job.step()).execute(job, signal);
            if (outcome == null) {
                return StepOutcome.retryable("the " + job.step().wireName() + " step returned no outcome");
            }
            return outcome;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StepOutcome.retryable("interrupted");
        } catch (Exception | LinkageError | AssertionError e) {
            LOG.log(Level.WARNING, "step " + job.step().wireName() + " of video " + job.lease().videoId() + " failed", e);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return StepOutcome.retryable(e.getClass().getSimpleName() + ": " + message);
        }
    }
}
