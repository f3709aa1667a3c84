package org.milkmobs.application.service.steps;

import java.time.Clock;
import java.util.function.Consumer;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.port.in.pipeline.StepOutcome.ResultWrite;
import org.milkmobs.application.port.out.budget.BudgetExhaustedException;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.video.VideoStatus;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/** What every step needs of the video it works on. */
public class StepVideos {

    private final LoadVideoPort load;
    private final SaveVideoPort save;
    private final Clock clock;

    public StepVideos(LoadVideoPort load, SaveVideoPort save, Clock clock) {
        this.load = load;
        this.save = save;
        this.clock = clock;
    }

    public Video get(VideoId id) {
        return load.loadVideo(id).orElseThrow(() -> new IllegalStateException("video " + id + " no longer exists"));
    }

    /** The stored video as analyzers receive it; the video must have passed preflight. */
    public VideoMedia media(Video video) {
        return new VideoMedia(video.id(), BlobKey.source(video.id()), video.media()
                .orElseThrow(() -> new IllegalStateException("video " + video.id() + " has no media facts; preflight has not passed")));
    }

    /** A result write that reloads the video inside the finishing transaction, changes it, and saves it. */
    public ResultWrite update(VideoId id, Consumer<Video> change) {
        return () -> {
            Video video = get(id);
            change.accept(video);
            save.saveVideo(video);
        };
    }

    /**
     * The budget refused the step's paid call: the job sleeps until the full window rolls over and the video
     * shows as DEFERRED meanwhile. Nothing is lost; the step runs again by itself.
     */
    public StepOutcome deferred(PipelineJob job, BudgetExhaustedException refusal) {
        return StepOutcome.snoozed(refusal.retryAfter(), job.data(), changeStatus(job.lease().videoId(), VideoStatus.PROCESSING,
                video -> video.defer(clock.instant())));
    }

    /** {@code write}, and a video that was deferred for budget is processing again: its paid call went through. */
    public ResultWrite resuming(VideoId id, ResultWrite write) {
        ResultWrite resume = changeStatus(id, VideoStatus.DEFERRED, video -> video.startProcessing(clock.instant()));
        return () -> {
            write.apply();
            resume.apply();
        };
    }

    /**
     * Changes the video only if it is {@code from}, under its row lock: the parallel branches may both try
     * at the same moment (their windows roll over together), and the second then sees the first's result.
     */
    private ResultWrite changeStatus(VideoId id, VideoStatus from, Consumer<Video> change) {
        return () -> {
            Video video = load.loadVideoForUpdate(id).orElseThrow(() -> new IllegalStateException("video " + id + " no longer exists"));
            if (video.status() == from) {
                change.accept(video);
                save.saveVideo(video);
            }
        };
    }

    public Clock clock() {
        return clock;
    }
}
