package org.milkmobs.application.service.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.VideoNotFoundException;
import org.milkmobs.application.port.in.video.CompleteUploadUseCase;
import org.milkmobs.application.port.in.video.CompleteUploadUseCase.CompleteUploadCommand;
import org.milkmobs.application.port.in.video.UploadMissingException;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.service.pipeline.RetryPolicy;
import org.milkmobs.application.testing.InMemoryBlobStorage;
import org.milkmobs.application.testing.InMemoryVideoStore;
import org.milkmobs.application.testing.InMemoryWorkflows;
import org.milkmobs.application.testing.TestDetails;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.pipeline.HistoryEventType;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/** Completing an upload: the file moves out of the client's reach and the workflow starts with preflight, once. */
class CompleteUploadServiceTest {

    private static final Caller ALICE = Caller.consumer(new UserId("alice"));

    private final TestClock clock = TestClock.at("2026-12-04T08:00:00Z");
    private final InMemoryVideoStore videos = new InMemoryVideoStore();
    private final InMemoryBlobStorage storage = new InMemoryBlobStorage();
    private final InMemoryWorkflows workflows = new InMemoryWorkflows();
    private final CompleteUploadUseCase complete = new CompleteUploadService(videos, storage, workflows,
            new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(5)), TestDetails.over(storage, workflows), clock);

    private final Video video = videos.saveVideo(TestVideos.submitted("alice"));

    @Test
    void theUploadMovesToTheVideosOwnKeyAndTheWorkflowStartsWithPreflight() {
        storage.put(BlobKey.staging(video.id()), new byte[] {1, 2, 3});

        Video completed = complete.complete(new CompleteUploadCommand(video.id(), ALICE)).video();

        assertThat(completed.id()).isEqualTo(video.id());
        assertThat(storage.contains(BlobKey.staging(video.id()))).isFalse();
        assertThat(storage.size(BlobKey.source(video.id()))).hasValue(3);
        assertThat(workflows.jobs(java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), 10))
                .singleElement().satisfies(job -> {
                    assertThat(job.step()).isEqualTo(PipelineStep.PREFLIGHT);
                    assertThat(job.state()).isEqualTo(JobState.AVAILABLE);
                    assertThat(job.attemptsAllowed()).isEqualTo(4);
                    assertThat(job.runAt()).isEqualTo(clock.instant());
                });
        assertThat(workflows.history(video.id())).extracting(e -> e.type() + ":" + e.step())
                .containsExactly(HistoryEventType.ExecutionStarted + ":null", HistoryEventType.TaskScheduled + ":" + PipelineStep.PREFLIGHT);
    }

    @Test
    void completingAgainStartsNothingNew() {
        storage.put(BlobKey.staging(video.id()), new byte[] {1});
        complete.complete(new CompleteUploadCommand(video.id(), ALICE));
        clock.advance(Duration.ofSeconds(5));

        complete.complete(new CompleteUploadCommand(video.id(), Caller.admin(new UserId("root"))));

        assertThat(workflows.history(video.id())).extracting(e -> e.type())
                .containsExactly(HistoryEventType.ExecutionStarted, HistoryEventType.TaskScheduled);
        assertThat(workflows.progress(video.id()).orElseThrow().run()).isEqualTo(1);
    }

    @Test
    void withoutAFileTheCallIsRefusedAndNothingStarts() {
        assertThatThrownBy(() -> complete.complete(new CompleteUploadCommand(video.id(), ALICE)))
                .isInstanceOf(UploadMissingException.class);
        assertThat(workflows.lock(video.id())).isEmpty();
    }

    @Test
    void onlyTheOwnerOrAnAdminCompletesAndOthersSeeNoSuchVideo() {
        storage.put(BlobKey.staging(video.id()), new byte[] {1});

        assertThatThrownBy(() -> complete.complete(new CompleteUploadCommand(video.id(), Caller.consumer(new UserId("mallory")))))
                .isInstanceOf(VideoNotFoundException.class);
        assertThatThrownBy(() -> complete.complete(new CompleteUploadCommand(VideoId.generate(), ALICE)))
                .isInstanceOf(VideoNotFoundException.class);
        assertThat(storage.contains(BlobKey.staging(video.id()))).isTrue();
        assertThat(workflows.lock(video.id())).isEmpty();
    }

    @Test
    void aFileAlreadyInPlaceIsEnoughToStart() {
        storage.put(BlobKey.source(video.id()), new byte[] {7});

        complete.complete(new CompleteUploadCommand(video.id(), ALICE));

        assertThat(workflows.progress(video.id())).isPresent();
        assertThat(storage.size(BlobKey.source(video.id()))).hasValue(1);
    }
}
