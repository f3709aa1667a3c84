package org.milkmobs.application.service.pipeline;

import java.time.Instant;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.pipeline.WorkflowStatus;
import org.milkmobs.domain.video.Failure;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoStatus;

/**
 * A step failed for good: as in a Step Functions Parallel state, the whole workflow fails with that
 * step's reason, the other jobs are cancelled, and the video shows the reason to its owner.
 */
public class WorkflowFailures {

    private final WorkflowPort workflows;
    private final LoadVideoPort loadVideo;
    private final SaveVideoPort saveVideo;
    private final RejectedMediaCleanup cleanup;

    public WorkflowFailures(WorkflowPort workflows, LoadVideoPort loadVideo, SaveVideoPort saveVideo, RejectedMediaCleanup cleanup) {
        this.workflows = workflows;
        this.loadVideo = loadVideo;
        this.saveVideo = saveVideo;
        this.cleanup = cleanup;
    }

    public void failWorkflow(org.milkmobs.domain.video.VideoId videoId, PipelineStep step, Failure failure, Instant now) {
        if (workflows.lock(videoId).filter(w -> w.status() == WorkflowStatus.RUNNING).isEmpty()) {
            return;
        }
        workflows.cancelUnfinished(videoId, now);
        workflows.finish(videoId, WorkflowStatus.FAILED, step.wireName() + ": " + failure.detail(), now);
        loadVideo.loadVideo(videoId).ifPresent(video -> {
            if (video.status().canMoveTo(VideoStatus.FAILED)) {
                video.fail(failure, now);
                saveVideo.saveVideo(video);
            }
            cleanup.afterFailure(video, failure);
        });
    }

    /** What to do with a video's files once it failed; rejected uploads are removed. */
    @FunctionalInterface
    public interface RejectedMediaCleanup {
        void afterFailure(Video video, Failure failure);

        RejectedMediaCleanup KEEP_FILES = (video, failure) -> { };
    }
}
