package org.milkmobs.application.service.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.application.service.pipeline.WorkflowFailures;
import org.milkmobs.application.testing.InMemoryEvents;
import org.milkmobs.application.testing.InMemoryVideoStore;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.events.PublishedEvent;
import org.milkmobs.domain.pipeline.HistoryEventType;
import org.milkmobs.domain.pipeline.JobLease;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.pipeline.WorkflowStatus;
import org.milkmobs.domain.video.Failure;
import org.milkmobs.domain.video.FailureCode;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

class JobDeadEventsTest {

    private final InMemoryVideoStore videos = new InMemoryVideoStore();
    private final InMemoryEvents events = new InMemoryEvents();
    private final List<String> finished = new ArrayList<>();
    private final WorkflowPort workflows = new WorkflowPort() {
        @Override
        public void start(VideoId video, int maxAttempts, Instant now) {
        }

        @Override
        public boolean enqueue(VideoId video, PipelineStep step, int maxAttempts, Instant runAt, Instant now) {
            return true;
        }

        @Override
        public Optional<WorkflowState> lock(VideoId video) {
            return Optional.empty();
        }

        @Override
        public void finish(VideoId video, WorkflowStatus status, String reason, Instant now) {
            finished.add(reason);
        }

        @Override
        public int cancelUnfinished(VideoId video, Instant now) {
            return 0;
        }

        @Override
        public void record(VideoId video, HistoryEventType type, PipelineStep step, Map<String, String> details, Instant now) {
        }
    };

    @Test
    void aDeadJobIsAnnouncedWithItsStepAttemptsErrorAndTheVideosOwner() {
        Video video = videos.saveVideo(TestVideos.submitted("alice"));
        WorkflowFailures failures = new WorkflowFailures(workflows, videos, videos, WorkflowFailures.RejectedMediaCleanup.KEEP_FILES, events);

        failures.jobDead(new JobLease(42, video.id(), PipelineStep.EMBED, 5), new Failure(FailureCode.PIPELINE_FAILED, "model timed out"),
                TestVideos.NOW);

        PublishedEvent dead = events.pending().get(0);
        assertThat(dead.type()).isEqualTo("job.dead");
        assertThat(dead.resourceId()).isEqualTo("42");
        assertThat(dead.ownerId()).isEqualTo("alice");
        assertThat(dead.data()).containsEntry("step", "embed").containsEntry("attempts", "5").containsEntry("error", "model timed out")
                .containsEntry("videoId", video.id().toString());
    }
}
