package org.milkmobs.application.service.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.pipeline.JobSignal;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.service.mob.MobSettings;
import org.milkmobs.application.testing.InMemoryEvents;
import org.milkmobs.application.testing.InMemoryMobs;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoStatus;

/**
 * The emit step on the in-memory outbox: the finished analysis is announced as one {@code video.analyzed} event, with the
 * video's decision and mob as they are when the completion is written.
 */
class EmitStepTest {

    private final StepFixture fixture = new StepFixture();
    private final InMemoryMobs mobs = new InMemoryMobs();
    private final InMemoryEvents events = new InMemoryEvents();
    private final EmitStep step = new EmitStep(fixture.videos, mobs, events);

    @Test
    void aValidatedVideoIsAnnouncedWithItsMobWithTheCompletion() {
        Video video = settled(VideoStatus.VALIDATED);
        MobId mob = mobs.createMobFor(new MobSpace("test-model/2/visual=1.0"), video.id(), new float[] {1, 0},
                new MobSettings(0.8, 10, Optional.empty(), 1, 0.7, Duration.ofHours(1)).membership(), fixture.clock.instant());

        StepOutcome outcome = step.execute(job(video), JobSignal.NEVER);

        assertThat(outcome).isInstanceOf(StepOutcome.Completed.class);
        assertThat(events.pending()).as("nothing before the completion's write").isEmpty();
        StepFixture.written(outcome);
        assertThat(events.pending()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("video.analyzed").isEqualTo(EmitStep.VIDEO_ANALYZED);
            assertThat(event.resourceId()).isEqualTo(video.id().toString());
            assertThat(event.time()).isEqualTo(fixture.clock.instant());
            assertThat(event.data()).containsOnly(Map.entry("videoId", video.id().toString()), Map.entry("ownerId", "alice"),
                    Map.entry("status", "VALIDATED"), Map.entry("mobId", mob.toString()));
        });
    }

    @Test
    void aVideoInNoMobIsAnnouncedWithoutOne() {
        Video video = settled(VideoStatus.REJECTED);

        StepFixture.written(step.execute(job(video), JobSignal.NEVER));

        assertThat(events.pending()).singleElement().satisfies(event -> assertThat(event.data())
                .containsOnly(Map.entry("videoId", video.id().toString()), Map.entry("ownerId", "alice"), Map.entry("status", "REJECTED")));
    }

    @Test
    void theEventSaysWhatTheVideoIsWhenTheCompletionIsWritten() {
        Video video = settled(VideoStatus.VALIDATED);
        StepOutcome outcome = step.execute(job(video), JobSignal.NEVER);
        Video reviewed = fixture.store.loadVideo(video.id()).orElseThrow();
        reviewed.settleAs(VideoStatus.IN_REVIEW, fixture.clock.instant());
        fixture.store.saveVideo(reviewed);

        StepFixture.written(outcome);

        assertThat(events.pending()).singleElement().satisfies(event -> assertThat(event.data()).containsEntry("status", "IN_REVIEW"));
    }

    @Test
    void aVideoDeletedBeforeTheCompletionIsNotAnnounced() {
        Video video = settled(VideoStatus.VALIDATED);
        StepOutcome outcome = step.execute(job(video), JobSignal.NEVER);
        fixture.store.deleteVideo(video.id());

        assertThatThrownBy(() -> StepFixture.written(outcome)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no longer exists");
        assertThat(events.pending()).isEmpty();
    }

    private Video settled(VideoStatus status) {
        Video video = fixture.processing();
        video.markAnalyzed(fixture.clock.instant());
        video.settleAs(status, fixture.clock.instant());
        return fixture.store.saveVideo(video);
    }

    private static PipelineJob job(Video video) {
        return StepFixture.job(video, PipelineStep.EMIT, Map.of());
    }
}
