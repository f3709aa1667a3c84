package org.milkmobs.application.service.steps;

import java.util.Map;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.testing.InMemoryVideoStore;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.pipeline.JobLease;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/** What the step tests share: videos on the in-memory store, a clock, and jobs and outcomes to hand steps. */
final class StepFixture {

    final TestClock clock = new TestClock(TestVideos.later(60));
    final InMemoryVideoStore store = new InMemoryVideoStore();
    final StepVideos videos = new StepVideos(store, store, clock);

    /** A video past preflight, as the analyzing steps receive it. */
    Video processing() {
        Video video = TestVideos.submitted("alice");
        video.markUploaded(TestVideos.mediaFacts(), TestVideos.later(1));
        video.startProcessing(TestVideos.later(2));
        return store.saveVideo(video);
    }

    Video deferred() {
        Video video = processing();
        video.defer(TestVideos.later(3));
        return store.saveVideo(video);
    }

    VideoStatus status(VideoId id) {
        return store.loadVideo(id).orElseThrow().status();
    }

    static PipelineJob job(Video video, PipelineStep step, Map<String, String> data) {
        return new PipelineJob(new JobLease(1, video.id(), step, 1), 3, 0, data);
    }

    /** Makes the outcome's write, as the finishing transaction would, and returns the outcome. */
    static <T extends StepOutcome> T written(T outcome) {
        if (outcome instanceof StepOutcome.Completed completed) {
            completed.write().apply();
        } else if (outcome instanceof StepOutcome.Snoozed snoozed) {
            snoozed.write().apply();
        }
        return outcome;
    }
}
