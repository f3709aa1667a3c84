package org.milkmobs.domain.pipeline;

import java.util.List;

/**
 * How far a video's workflow is: "step {@code completedSteps} of {@code totalSteps}", the step(s) now
 * running or waiting, and per step its state and attempts.
 */
public record WorkflowProgress(WorkflowStatus status, int run, String reason, int completedSteps, int totalSteps,
                               List<PipelineStep> currentSteps, List<StepProgress> steps) {

    public WorkflowProgress {
        currentSteps = List.copyOf(currentSteps);
        steps = List.copyOf(steps);
    }

    public record StepProgress(PipelineStep step, JobState state, int attemptsUsed, int attemptsAllowed, String lastError) {
    }
}
