package org.milkmobs.application.service.steps;

import org.milkmobs.application.port.in.pipeline.JobSignal;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.port.out.validation.ValidationStore;
import org.milkmobs.application.service.pipeline.StepHandler;
import org.milkmobs.application.service.validation.DecisionApplication;
import org.milkmobs.application.service.validation.ValidationService;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.validation.ValidationDecision;
import org.milkmobs.domain.video.Video;

/** Decides whether the video takes part in the trend, and keeps the decision with its breakdown. */
public class ValidateStep implements StepHandler {

    private final StepVideos videos;
    private final ValidationService validation;
    private final DecisionApplication decisions;

    public ValidateStep(StepVideos videos, ValidationService validation, ValidationStore decisions) {
        this.videos = videos;
        this.validation = validation;
        this.decisions = new DecisionApplication(decisions);
    }

    @Override
    public StepOutcome execute(PipelineJob job, JobSignal signal) {
        Video video = videos.get(job.lease().videoId());
        ValidationDecision decision = validation.evaluate(video, videos.clock().instant());
        return StepOutcome.completed(videos.update(video.id(), v -> decisions.apply(v, decision, videos.clock().instant())));
    }
}
