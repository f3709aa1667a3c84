package org.milkmobs.application.service.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.pipeline.JobSignal;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.service.duplicate.NearDuplicateDetection;
import org.milkmobs.application.testing.InMemoryAnalysisStore;
import org.milkmobs.application.testing.InMemoryEmbeddingStore;
import org.milkmobs.application.testing.InMemoryFingerprintStore;
import org.milkmobs.application.testing.InMemoryMobs;
import org.milkmobs.application.testing.InMemoryNearDuplicateStore;
import org.milkmobs.application.testing.InMemoryVectorSearch;
import org.milkmobs.application.testing.InMemoryVideoListing;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.analysis.AudioHints;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.video.ContentHash;
import org.milkmobs.domain.video.FailureCode;
import org.milkmobs.domain.video.MediaFacts;
import org.milkmobs.domain.video.NearDuplicates;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoStatus;

/**
 * The join after the parallel branches, on the in-memory stores: it refuses to go on without both branches' results, and
 * with the completion marks the video analysed and records its near-duplicates.
 */
class WriteResultsStepTest {

    private static final EmbeddingModel MODEL = new EmbeddingModel("test-model", 2);
    private static final EmbeddingModel OTHER_MODEL = new EmbeddingModel("other-model", 2);

    private final StepFixture fixture = new StepFixture();
    private final InMemoryAnalysisStore analyses = new InMemoryAnalysisStore();
    private final InMemoryEmbeddingStore embeddings = new InMemoryEmbeddingStore();
    private final InMemoryNearDuplicateStore pairs = new InMemoryNearDuplicateStore();
    private final NearDuplicateDetection nearDuplicates = new NearDuplicateDetection(
            new InMemoryVideoListing(fixture.store, new InMemoryMobs(), new MobSpace("test-model/2/visual=1.0")), embeddings,
            new InMemoryVectorSearch(fixture.store, embeddings), pairs, new InMemoryFingerprintStore(), MODEL, new NearDuplicates(0.8, 0.9, 0.7), 5);
    private final WriteResultsStep step = new WriteResultsStep(fixture.videos, analyses, embeddings, MODEL, nearDuplicates);

    @Test
    void withBothResultsStoredTheVideoIsMarkedAnalysedWithTheCompletion() {
        Video video = withResults(processing("aa"), 1, 0);

        StepOutcome outcome = step.execute(job(video), JobSignal.NEVER);

        assertThat(outcome).isInstanceOf(StepOutcome.Completed.class);
        assertThat(fixture.status(video.id())).as("nothing before the completion's write").isEqualTo(VideoStatus.PROCESSING);
        StepFixture.written(outcome);
        Video analysed = fixture.store.loadVideo(video.id()).orElseThrow();
        assertThat(analysed.status()).isEqualTo(VideoStatus.ANALYZED);
        assertThat(analysed.updatedAt()).isEqualTo(fixture.clock.instant());
    }

    @Test
    void aMissingAnalysisFailsTheVideoForGood() {
        Video video = processing("aa");
        embeddings.replaceEmbeddings(video.id(), MODEL, clips(MODEL, 1, 0));

        assertFailsForGood(video);
    }

    @Test
    void missingEmbeddingsFailTheVideoForGoodAndVectorsOfAnotherModelDoNotCount() {
        Video video = processing("aa");
        analyses.saveAnalysis(analysisOf(video));
        assertFailsForGood(video);

        embeddings.replaceEmbeddings(video.id(), OTHER_MODEL, clips(OTHER_MODEL, 1, 0));
        assertFailsForGood(video);
    }

    @Test
    void aReRunOnAnAnalysedVideoLeavesItAnalysed() {
        Video video = withResults(processing("aa"), 1, 0);
        StepFixture.written(step.execute(job(video), JobSignal.NEVER));
        Instant analysedAt = fixture.store.loadVideo(video.id()).orElseThrow().updatedAt();
        fixture.clock.advance(Duration.ofMinutes(1));

        StepFixture.written(step.execute(job(video), JobSignal.NEVER));

        Video again = fixture.store.loadVideo(video.id()).orElseThrow();
        assertThat(again.status()).isEqualTo(VideoStatus.ANALYZED);
        assertThat(again.updatedAt()).isEqualTo(analysedAt);
    }

    @Test
    void aReEditOfAnEarlierVideoIsRecordedAsItsNearDuplicateWithTheCompletion() {
        Video earlier = withResults(processing("aa"), 1, 0);
        StepFixture.written(step.execute(job(earlier), JobSignal.NEVER));
        Video unrelated = withResults(processing("cc"), 0, 1);
        StepFixture.written(step.execute(job(unrelated), JobSignal.NEVER));
        assertThat(pairs.list(Optional.empty(), 10)).as("nothing alike so far").isEmpty();
        Video reEdit = withResults(processing("bb"), 1, 0.01f);

        StepOutcome outcome = step.execute(job(reEdit), JobSignal.NEVER);

        assertThat(pairs.pairsInvolving(List.of(reEdit.id()))).as("nothing before the completion's write").isEmpty();
        StepFixture.written(outcome);
        assertThat(pairs.pairsInvolving(List.of(reEdit.id()))).singleElement().satisfies(pair -> {
            assertThat(List.of(pair.copy(), pair.original())).containsExactlyInAnyOrder(reEdit.id(), earlier.id());
            assertThat(pair.share()).isEqualTo(1.0);
        });
        assertThat(pairs.pairsInvolving(List.of(unrelated.id()))).isEmpty();
    }

    @Test
    void anExactCopyIsAnalysedButNotComparedItReusesItsOriginal() {
        Video original = withResults(processing("aa"), 1, 0);
        StepFixture.written(step.execute(job(original), JobSignal.NEVER));
        Video copy = processing("aa");
        copy.markDuplicateOf(original.id());
        copy = withResults(fixture.store.saveVideo(copy), 1, 0);

        StepFixture.written(step.execute(job(copy), JobSignal.NEVER));

        assertThat(fixture.status(copy.id())).isEqualTo(VideoStatus.ANALYZED);
        assertThat(pairs.pairsInvolving(List.of(original.id(), copy.id()))).isEmpty();
    }

    private void assertFailsForGood(Video video) {
        StepOutcome outcome = step.execute(job(video), JobSignal.NEVER);
        assertThat(outcome).isInstanceOfSatisfying(StepOutcome.Failed.class, failed -> {
            assertThat(failed.permanent()).isTrue();
            assertThat(failed.failure().code()).isEqualTo(FailureCode.PIPELINE_FAILED);
            assertThat(failed.error()).contains("results are missing");
        });
        assertThat(fixture.status(video.id())).isEqualTo(VideoStatus.PROCESSING);
    }

    /** A video past preflight whose upload's bytes hash to {@code hash} repeated. */
    private Video processing(String hash) {
        MediaFacts base = TestVideos.mediaFacts();
        Video video = TestVideos.submitted("alice");
        video.markUploaded(new MediaFacts(base.container(), base.videoCodec(), base.audioCodec(), base.durationSeconds(), base.width(),
                base.height(), base.sizeBytes(), new ContentHash(hash.repeat(32))), TestVideos.later(1));
        video.startProcessing(TestVideos.later(2));
        return fixture.store.saveVideo(video);
    }

    /** Stores the branches' results: an analysis, and three alike clips pointing at (x, y) with their asset vector. */
    private Video withResults(Video video, float x, float y) {
        analyses.saveAnalysis(analysisOf(video));
        embeddings.replaceEmbeddings(video.id(), MODEL, clips(MODEL, x, y));
        return video;
    }

    private static List<Embedding> clips(EmbeddingModel model, float x, float y) {
        float[] v = {x, y};
        return List.of(new Embedding(model, Modality.VISUAL, Scope.CLIP, new Segment(0, 4), v),
                new Embedding(model, Modality.VISUAL, Scope.CLIP, new Segment(4, 8), v),
                new Embedding(model, Modality.VISUAL, Scope.CLIP, new Segment(8, 12), v),
                new Embedding(model, Modality.VISUAL, Scope.ASSET, new Segment(0, 12), v));
    }

    private Analysis analysisOf(Video video) {
        return new Analysis(video.id(), "scripted", OptionalDouble.of(0.9), "", "milk, poured", List.of(), AudioHints.NO_AUDIO,
                fixture.clock.instant());
    }

    private static PipelineJob job(Video video) {
        return StepFixture.job(video, PipelineStep.WRITE_RESULTS, Map.of());
    }
}
