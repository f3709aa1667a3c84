package org.milkmobs.application.service.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.milkmobs.application.port.Page;
import org.milkmobs.application.port.in.ForbiddenException;
import org.milkmobs.application.port.in.VideoNotFoundException;
import org.milkmobs.application.port.in.pipeline.PipelineAdminUseCase;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.application.port.out.pipeline.PipelineAdminPort;
import org.milkmobs.application.port.out.pipeline.PipelineControlPort;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.pipeline.HistoryEvent;
import org.milkmobs.domain.pipeline.JobRecord;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.pipeline.QueueStats;
import org.milkmobs.domain.pipeline.WorkflowStatus;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.video.Failure;
import org.milkmobs.domain.video.FailureCode;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

public class PipelineAdminService implements PipelineAdminUseCase {

    private final PipelineAdminPort admin;
    private final PipelineControlPort control;
    private final WorkflowPort workflows;
    private final LoadVideoPort loadVideo;
    private final SaveVideoPort saveVideo;
    private final RetryPolicy retry;
    private final Clock clock;

    public PipelineAdminService(PipelineAdminPort admin, PipelineControlPort control, WorkflowPort workflows, LoadVideoPort loadVideo,
                                SaveVideoPort saveVideo, RetryPolicy retry, Clock clock) {
        this.admin = admin;
        this.control = control;
        this.workflows = workflows;
        this.loadVideo = loadVideo;
        this.saveVideo = saveVideo;
        this.retry = retry;
        this.clock = clock;
    }

    @Override
    public Page<JobRecord> jobs(Optional<JobState> state, Optional<PipelineStep> step, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > 200) {
            throw new InvalidValueException("limit", "limit must be between 1 and 200, got " + limit);
        }
        Optional<Long> before = cursor.map(c -> {
            try {
                return Long.parseLong(c);
            } catch (NumberFormatException e) {
                throw new InvalidValueException("cursor", "the cursor is not one this API returned");
            }
        });
        List<JobRecord> found = admin.jobs(state, step, before, limit + 1);
        boolean more = found.size() > limit;
        List<JobRecord> page = more ? found.subList(0, limit) : found;
        return Page.of(page, more ? Long.toString(page.get(page.size() - 1).id()) : null);
    }

    @Override
    public JobRecord retry(long jobId, Caller caller) {
        requireAdmin(caller);
        JobRecord job = admin.job(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
        if (!job.state().canBeRetried()) {
            throw new JobStateConflictException(jobId, job.state(), "only DEAD or CANCELLED jobs are retried");
        }
        Instant now = clock.instant();
        Video video = loadVideo.loadVideo(job.videoId()).orElseThrow(() -> new VideoNotFoundException(job.videoId()));
        if (video.status() == VideoStatus.FAILED) {
            if (video.media().isEmpty()) {
                throw new InvalidValueException("job", "the upload of video " + video.id() + " was rejected ("
                        + video.failure().map(Failure::detail).orElse("") + "); submit the video again");
            }
            video.startProcessing(now);
            saveVideo.saveVideo(video);
        }
        admin.redrive(job.videoId(), retry.maxAttempts(), now);
        return admin.job(jobId).orElseThrow();
    }

    @Override
    public JobRecord cancel(long jobId, Caller caller) {
        requireAdmin(caller);
        JobRecord job = admin.job(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
        if (!job.state().canBeCancelled()) {
            throw new JobStateConflictException(jobId, job.state(), "it has already finished");
        }
        Instant now = clock.instant();
        if (workflows.lock(job.videoId()).filter(w -> w.status() == WorkflowStatus.RUNNING).isPresent()) {
            workflows.cancelUnfinished(job.videoId(), now);
            workflows.finish(job.videoId(), WorkflowStatus.CANCELLED, "cancelled by " + caller.userId(), now);
            // under the video's row lock: a parallel branch may be changing the video at this very moment
            loadVideo.loadVideoForUpdate(job.videoId()).filter(v -> v.status().canMoveTo(VideoStatus.FAILED)).ifPresent(video -> {
                video.fail(new Failure(FailureCode.CANCELLED, "an admin stopped the processing of this video"), now);
                saveVideo.saveVideo(video);
            });
        }
        return admin.job(jobId).orElseThrow();
    }

    @Override
    public List<QueueStats> queues() {
        return admin.queueStats(clock.instant());
    }

    @Override
    public void pause(PipelineStep step) {
        control.pause(step);
    }

    @Override
    public void resume(PipelineStep step) {
        control.resume(step);
    }

    @Override
    public List<HistoryEvent> history(VideoId id, Caller caller) {
        Video video = loadVideo.loadVideo(id).filter(v -> v.manageableBy(caller))
                .orElseThrow(() -> new VideoNotFoundException(id));
        return admin.history(video.id());
    }

    private static void requireAdmin(Caller caller) {
        ForbiddenException.unlessAdmin(caller, "only admins repair the pipeline");
    }
}
