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
        VideoId id = job.lease().videoId();
        return StepOutcome.snoozed(refusal.retryAfter(), job.data(), update(id, video -> {
            if (video.status() == VideoStatus.PROCESSING) {
                video.defer(clock.instant());
            }
        }));
    }

    /** {@code write}, and a video that was deferred for budget is processing again: its paid call went through. */
    public ResultWrite resuming(VideoId id, ResultWrite write) {
        ResultWrite resume = update(id, video -> {
            if (video.status() == VideoStatus.DEFERRED) {
                video.startProcessing(clock.instant());
            }
        });
        return () -> {
            write.apply();
            resume.apply();
        };
    }

    public Clock clock() {
        return clock;
    }
}
