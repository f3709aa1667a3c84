package org.milkmobs.application.service.steps;

import org.milkmobs.application.port.in.pipeline.JobSignal;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.service.mob.MobAssignment;
import org.milkmobs.application.service.pipeline.StepHandler;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoStatus;

/**
 * Puts a validated video into its mob right away; a rejected one, or one waiting for a person's review, belongs to none
 * (its membership history says which, as re-validation's does).
 */
public class ClusterStep implements StepHandler {

    private final StepVideos videos;
    private final MobAssignment assignment;

    public ClusterStep(StepVideos videos, MobAssignment assignment) {
        this.videos = videos;
        this.assignment = assignment;
    }

    @Override
    public StepOutcome execute(PipelineJob job, JobSignal signal) {
        return StepOutcome.completed(() -> {
            Video video = videos.get(job.lease().videoId());
            if (video.status() == VideoStatus.VALIDATED) {
                assignment.assign(video.id(), videos.clock().instant());
            } else {
                assignment.remove(video.id(), video.status() == VideoStatus.IN_REVIEW ? "in review" : "rejected",
                        videos.clock().instant());
            }
        });
    }
}
