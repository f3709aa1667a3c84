package org.milkmobs.application.service.pipeline;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.application.port.out.events.EventOutbox;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.domain.events.EventType;
import org.milkmobs.domain.pipeline.JobLease;
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
    private final EventOutbox outbox;

    public WorkflowFailures(WorkflowPort workflows, LoadVideoPort loadVideo, SaveVideoPort saveVideo, RejectedMediaCleanup cleanup) {
        this(workflows, loadVideo, saveVideo, cleanup, null);
    }

    /** As the four-argument form, also announcing each dead job as a {@code job.dead} event (when {@code outbox} is given). */
    public WorkflowFailures(WorkflowPort workflows, LoadVideoPort loadVideo, SaveVideoPort saveVideo, RejectedMediaCleanup cleanup,
                            EventOutbox outbox) {
        this.workflows = workflows;
        this.loadVideo = loadVideo;
        this.saveVideo = saveVideo;
        this.cleanup = cleanup;
        this.outbox = outbox;
    }

    /** A job went DEAD: announced (in the same transaction), then its workflow fails. */
    public void jobDead(JobLease job, Failure failure, Instant now) {
        if (outbox != null) {
            Map<String, String> data = new LinkedHashMap<>();
            data.put("jobId", String.valueOf(job.jobId()));
            data.put("videoId", job.videoId().toString());
            loadVideo.loadVideo(job.videoId()).ifPresent(video -> data.put("ownerId", video.owner().value()));
            data.put("step", job.step().wireName());
            data.put("attempts", String.valueOf(job.attempt()));
            data.put("error", failure.detail());
            outbox.append(EventType.JOB_DEAD.wireName(), String.valueOf(job.jobId()), data, now);
        }
        failWorkflow(job.videoId(), job.step(), failure, now);
    }

    public void failWorkflow(org.milkmobs.domain.video.VideoId videoId, PipelineStep step, Failure failure, Instant now) {
        if (workflows.lock(videoId).filter(w -> w.status() == WorkflowStatus.RUNNING).isEmpty()) {
            return;
        }
        workflows.cancelUnfinished(videoId, now);
        workflows.finish(videoId, WorkflowStatus.FAILED, step.wireName() + ": " + failure.detail(), now);
        // under the video's row lock: a parallel branch may be changing the video at this very moment
        loadVideo.loadVideoForUpdate(videoId).ifPresent(video -> {
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
