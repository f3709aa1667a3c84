package org.milkmobs.application.service.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.pipeline.JobSignal;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.service.mob.MobAssignment;
import org.milkmobs.application.service.mob.MobSettings;
import org.milkmobs.application.service.mob.VideoVectors;
import org.milkmobs.application.testing.InMemoryEmbeddingStore;
import org.milkmobs.application.testing.InMemoryMobs;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoStatus;

/**
 * The cluster step on the in-memory mobs: with the completion, a validated video is placed by the membership rule (join
 * the nearest mob or found one) and any other video leaves the mob it is in.
 */
class ClusterStepTest {

    private static final EmbeddingModel MODEL = new EmbeddingModel("test-model", 2);

    private final StepFixture fixture = new StepFixture();
    private final InMemoryEmbeddingStore embeddings = new InMemoryEmbeddingStore();
    private final InMemoryMobs mobs = new InMemoryMobs();
    private final MobAssignment assignment = new MobAssignment(mobs, mobs,
            new VideoVectors(embeddings, MODEL, new ModalityWeights(Map.of(Modality.VISUAL, 1.0))),
            new MobSettings(0.8, 10, Optional.empty(), 1, 0.7, Duration.ofHours(1)));
    private final ClusterStep step = new ClusterStep(fixture.videos, assignment);

    @Test
    void aValidatedVideoFoundsAMobWithTheCompletionAndALookAlikeJoinsIt() {
        Video first = settled(VideoStatus.VALIDATED, 1, 0);

        StepOutcome outcome = step.execute(job(first), JobSignal.NEVER);

        assertThat(outcome).isInstanceOf(StepOutcome.Completed.class);
        assertThat(mobs.mobOf(first.id())).as("nothing before the completion's write").isEmpty();
        StepFixture.written(outcome);
        MobId mob = mobs.mobOf(first.id()).orElseThrow();

        Video lookAlike = settled(VideoStatus.VALIDATED, 1, 0.1f);
        Video unlike = settled(VideoStatus.VALIDATED, 0, 1);
        StepFixture.written(step.execute(job(lookAlike), JobSignal.NEVER));
        StepFixture.written(step.execute(job(unlike), JobSignal.NEVER));

        assertThat(mobs.mobOf(lookAlike.id())).contains(mob);
        assertThat(mobs.mobOf(unlike.id())).isPresent().isNotEqualTo(Optional.of(mob));
        assertThat(mobs.history()).containsExactly(first.id() + " founded " + mob, lookAlike.id() + " joined " + mob,
                unlike.id() + " founded " + mobs.mobOf(unlike.id()).orElseThrow());
    }

    @Test
    void aReRunLeavesAPlacedVideoInItsMob() {
        Video video = settled(VideoStatus.VALIDATED, 1, 0);
        StepFixture.written(step.execute(job(video), JobSignal.NEVER));
        MobId mob = mobs.mobOf(video.id()).orElseThrow();

        StepFixture.written(step.execute(job(video), JobSignal.NEVER));

        assertThat(mobs.mobOf(video.id())).contains(mob);
        assertThat(mobs.history()).hasSize(1);
    }

    @Test
    void aRejectedVideoLeavesItsMobAndOneInNoMobChangesNothing() {
        Video video = settled(VideoStatus.VALIDATED, 1, 0);
        StepFixture.written(step.execute(job(video), JobSignal.NEVER));
        MobId mob = mobs.mobOf(video.id()).orElseThrow();
        resettle(video, VideoStatus.REJECTED);

        StepFixture.written(step.execute(job(video), JobSignal.NEVER));

        assertThat(mobs.mobOf(video.id())).isEmpty();
        assertThat(mobs.history()).last().isEqualTo(video.id() + " rejected " + mob);

        Video neverPlaced = settled(VideoStatus.REJECTED, 1, 0);
        StepFixture.written(step.execute(job(neverPlaced), JobSignal.NEVER));
        assertThat(mobs.mobOf(neverPlaced.id())).isEmpty();
        assertThat(mobs.history()).hasSize(2);
    }

    @Test
    void aVideoSentToReviewLeavesItsMobAsInReviewNotAsRejected() {
        Video video = settled(VideoStatus.VALIDATED, 1, 0);
        StepFixture.written(step.execute(job(video), JobSignal.NEVER));
        MobId mob = mobs.mobOf(video.id()).orElseThrow();
        resettle(video, VideoStatus.IN_REVIEW);

        StepFixture.written(step.execute(job(video), JobSignal.NEVER));

        assertThat(mobs.mobOf(video.id())).isEmpty();
        assertThat(mobs.history()).last().as("the reason re-validation gives too").isEqualTo(video.id() + " in review " + mob);
    }

    @Test
    void aValidatedVideoWithoutAVisualVectorIsNotPlaced() {
        Video video = settled(VideoStatus.VALIDATED);

        assertThat(StepFixture.written(step.execute(job(video), JobSignal.NEVER))).isInstanceOf(StepOutcome.Completed.class);

        assertThat(mobs.mobOf(video.id())).isEmpty();
        assertThat(mobs.changes()).isZero();
    }

    @Test
    void theStatusAtTheWriteDecidesNotTheStatusWhenTheStepRan() {
        Video video = settled(VideoStatus.VALIDATED, 1, 0);
        StepOutcome outcome = step.execute(job(video), JobSignal.NEVER);

        resettle(video, VideoStatus.REJECTED);
        StepFixture.written(outcome);

        assertThat(mobs.mobOf(video.id())).as("rejected before the completion was written").isEmpty();
    }

    /** An analysed video settled as {@code status}, with its visual asset vector when given one. */
    private Video settled(VideoStatus status, float... visual) {
        Video video = fixture.processing();
        video.markAnalyzed(fixture.clock.instant());
        video.settleAs(status, fixture.clock.instant());
        if (visual.length > 0) {
            embeddings.replaceEmbeddings(video.id(), MODEL, List.of(new Embedding(MODEL, Modality.VISUAL, Scope.ASSET, new Segment(0, 10),
                    visual)));
        }
        return fixture.store.saveVideo(video);
    }

    private void resettle(Video video, VideoStatus status) {
        Video stored = fixture.store.loadVideo(video.id()).orElseThrow();
        stored.settleAs(status, fixture.clock.instant());
        fixture.store.saveVideo(stored);
    }

    private static PipelineJob job(Video video) {
        return StepFixture.job(video, PipelineStep.CLUSTER, Map.of());
    }
}
