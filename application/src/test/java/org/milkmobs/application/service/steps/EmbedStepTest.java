package org.milkmobs.application.service.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.pipeline.JobSignal;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.AnalyzerBusyException;
import org.milkmobs.application.port.out.analysis.UploadedMedia;
import org.milkmobs.application.port.out.analysis.VideoEmbedder;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.budget.BudgetExhaustedException;
import org.milkmobs.application.testing.InMemoryEmbeddingStore;
import org.milkmobs.application.testing.InMemoryFingerprintStore;
import org.milkmobs.application.testing.InMemoryFrameFingerprinter;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.video.FailureCode;
import org.milkmobs.domain.video.Fingerprint;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoStatus;

/** The embed step on the in-memory video and embedding stores, with an embedder that answers as scripted. */
class EmbedStepTest {

    private static final EmbeddingModel MODEL = new EmbeddingModel("scripted-v1", 4);

    private final StepFixture fixture = new StepFixture();
    private final InMemoryEmbeddingStore embeddings = new InMemoryEmbeddingStore();
    private final InMemoryFingerprintStore fingerprints = new InMemoryFingerprintStore();
    private final ScriptedEmbedder embedder = new ScriptedEmbedder();
    private final InMemoryFrameFingerprinter fingerprinter = new InMemoryFrameFingerprinter();
    private final EmbedStep step = new EmbedStep(fixture.videos, embedder, embeddings, fingerprints, fingerprinter);

    @Test
    void aFinishedEmbeddingIsWrittenWithTheCompletion() {
        Video video = fixture.processing();
        fingerprinter.picture(BlobKey.source(video.id()), Optional.empty());
        embedder.answers.add(new VideoEmbedder.Progress.Done(List.of(vector(1, 0))));

        StepOutcome outcome = step.execute(StepFixture.job(video, PipelineStep.EMBED, Map.of()), JobSignal.NEVER);

        assertThat(outcome).isInstanceOf(StepOutcome.Completed.class);
        assertThat(embeddings.findEmbeddings(video.id(), MODEL)).as("nothing before the completion's write").isEmpty();
        StepFixture.written(outcome);
        assertThat(embeddings.findEmbeddings(video.id(), MODEL)).hasSize(1);
    }

    @Test
    void aPendingEmbeddingSnoozesWithTheInvocationKeptOnTheJobAndIsPolledWithIt() {
        Video video = fixture.processing();
        embedder.answers.add(new VideoEmbedder.Progress.Pending(Map.of("invocation", "arn:1"), Duration.ofSeconds(20)));

        StepOutcome outcome = step.execute(StepFixture.job(video, PipelineStep.EMBED, Map.of()), JobSignal.NEVER);

        assertThat(outcome).isInstanceOfSatisfying(StepOutcome.Snoozed.class, snoozed -> {
            assertThat(snoozed.delay()).isEqualTo(Duration.ofSeconds(20));
            assertThat(snoozed.data()).containsEntry("invocation", "arn:1");
        });
        embedder.answers.add(new VideoEmbedder.Progress.Done(List.of(vector(0, 1))));
        step.execute(StepFixture.job(video, PipelineStep.EMBED, Map.of("invocation", "arn:1")), JobSignal.NEVER);
        assertThat(embedder.states).containsExactly(Map.of(), Map.of("invocation", "arn:1"));
    }

    @Test
    void aDuplicateCopiesItsOriginalsVectorsWithoutCallingTheEmbedder() {
        Video original = fixture.processing();
        embeddings.replaceEmbeddings(original.id(), MODEL, List.of(vector(1, 0)));
        Video copy = fixture.processing();
        copy.markDuplicateOf(original.id());
        fixture.store.saveVideo(copy);

        StepFixture.written(step.execute(StepFixture.job(copy, PipelineStep.EMBED, Map.of()), JobSignal.NEVER));

        assertThat(embeddings.findEmbeddings(copy.id(), MODEL)).hasSize(1);
        assertThat(embedder.states).isEmpty();
    }

    @Test
    void aFingerprintIsWrittenWithTheVectorsAndADuplicateCopiesItsOriginals() {
        Video original = fixture.processing();
        Fingerprint fingerprint = new Fingerprint(2, 2, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        embedder.answers.add(new VideoEmbedder.Progress.Done(List.of(vector(1, 0)), Optional.of(fingerprint)));

        StepOutcome outcome = step.execute(StepFixture.job(original, PipelineStep.EMBED, Map.of()), JobSignal.NEVER);
        assertThat(fingerprints.findFingerprint(original.id())).as("nothing before the completion's write").isEmpty();
        StepFixture.written(outcome);
        assertThat(fingerprints.findFingerprint(original.id())).contains(fingerprint);

        Video copy = fixture.processing();
        copy.markDuplicateOf(original.id());
        fixture.store.saveVideo(copy);
        StepFixture.written(step.execute(StepFixture.job(copy, PipelineStep.EMBED, Map.of()), JobSignal.NEVER));
        assertThat(fingerprints.findFingerprint(copy.id())).contains(fingerprint);
        assertThat(fingerprinter.calls()).as("the embedder's own fingerprint: the video is not decoded again").isZero();
    }

    @Test
    void anEmbedderThatMakesNoFingerprintHasTheFrameFingerprinterMakeOneAfterItsLastPoll() {
        Video video = fixture.processing();
        Fingerprint frames = new Fingerprint(2, 2, new byte[] {9, 8, 7, 6});
        fingerprinter.picture(BlobKey.source(video.id()), Optional.of(frames));
        embedder.answers.add(new VideoEmbedder.Progress.Pending(Map.of("invocation", "arn:3"), Duration.ofSeconds(5)));
        embedder.answers.add(new VideoEmbedder.Progress.Done(List.of(vector(1, 0))));

        step.execute(StepFixture.job(video, PipelineStep.EMBED, Map.of()), JobSignal.NEVER);
        assertThat(fingerprinter.calls()).as("not while the embedder is still at work").isZero();
        StepOutcome outcome = step.execute(StepFixture.job(video, PipelineStep.EMBED, Map.of("invocation", "arn:3")), JobSignal.NEVER);

        assertThat(fingerprints.findFingerprint(video.id())).as("nothing before the completion's write").isEmpty();
        StepFixture.written(outcome);
        assertThat(fingerprints.findFingerprint(video.id())).contains(frames);
        assertThat(embeddings.findEmbeddings(video.id(), MODEL)).hasSize(1);
        assertThat(fingerprinter.calls()).isEqualTo(1);
    }

    @Test
    void aVideoWhoseFramesCannotBeFingerprintedKeepsItsEmbeddingsAndLosesAStaleFingerprint() {
        Video video = fixture.processing();
        fingerprints.replaceFingerprint(video.id(), Optional.of(new Fingerprint(1, 1, new byte[] {1})));
        fingerprinter.undecodable(BlobKey.source(video.id()), "a codec ffmpeg lacks");
        embedder.answers.add(new VideoEmbedder.Progress.Done(List.of(vector(1, 0))));

        StepOutcome outcome = StepFixture.written(step.execute(StepFixture.job(video, PipelineStep.EMBED, Map.of()), JobSignal.NEVER));

        assertThat(outcome).as("the paid embeddings are kept: near-duplicates compare its clips").isInstanceOf(StepOutcome.Completed.class);
        assertThat(embeddings.findEmbeddings(video.id(), MODEL)).hasSize(1);
        assertThat(fingerprints.findFingerprint(video.id())).isEmpty();
    }

    @Test
    void aBudgetRefusalDefersTheVideoUntilTheWindowReopens() {
        Video video = fixture.processing();
        embedder.failure = new BudgetExhaustedException("daily budget spent", fixture.clock.instant(),
                fixture.clock.instant().plus(Duration.ofHours(3)));

        StepOutcome outcome = StepFixture.written(step.execute(StepFixture.job(video, PipelineStep.EMBED, Map.of()), JobSignal.NEVER));

        assertThat(outcome).isInstanceOfSatisfying(StepOutcome.Snoozed.class,
                snoozed -> assertThat(snoozed.delay()).isEqualTo(Duration.ofHours(3)));
        assertThat(fixture.status(video.id())).isEqualTo(VideoStatus.DEFERRED);
    }

    @Test
    void aDeferredVideoProcessesAgainOnceItsPaidCallGoesThrough() {
        Video video = fixture.deferred();
        embedder.answers.add(new VideoEmbedder.Progress.Done(List.of(vector(1, 0))));

        StepFixture.written(step.execute(StepFixture.job(video, PipelineStep.EMBED, Map.of()), JobSignal.NEVER));

        assertThat(fixture.status(video.id())).isEqualTo(VideoStatus.PROCESSING);
    }

    @Test
    void aBusyAnalyzerSnoozesTheJobKeepingItsStateAndLeavesTheVideoAlone() {
        Video video = fixture.processing();
        embedder.failure = new AnalyzerBusyException("throttled", Duration.ofSeconds(30), null);

        StepOutcome outcome = StepFixture.written(step.execute(
                StepFixture.job(video, PipelineStep.EMBED, Map.of("invocation", "arn:2")), JobSignal.NEVER));

        assertThat(outcome).isInstanceOfSatisfying(StepOutcome.Snoozed.class, snoozed -> {
            assertThat(snoozed.delay()).isEqualTo(Duration.ofSeconds(30));
            assertThat(snoozed.data()).containsEntry("invocation", "arn:2");
        });
        assertThat(fixture.status(video.id())).isEqualTo(VideoStatus.PROCESSING);
    }

    @Test
    void aFailureIsPermanentOrRetryableAsTheAnalyzerSays() {
        Video video = fixture.processing();
        embedder.failure = new AnalysisFailedException("unreadable video", true);
        assertThat(step.execute(StepFixture.job(video, PipelineStep.EMBED, Map.of()), JobSignal.NEVER))
                .isInstanceOfSatisfying(StepOutcome.Failed.class, failed -> {
                    assertThat(failed.permanent()).isTrue();
                    assertThat(failed.failure().code()).isEqualTo(FailureCode.ANALYSIS_FAILED);
                    assertThat(failed.error()).isEqualTo("unreadable video");
                });

        embedder.failure = new AnalysisFailedException("timed out", false);
        assertThat(step.execute(StepFixture.job(video, PipelineStep.EMBED, Map.of()), JobSignal.NEVER))
                .isInstanceOfSatisfying(StepOutcome.Failed.class, failed -> assertThat(failed.permanent()).isFalse());
    }

    private static Embedding vector(float x, float y) {
        return new Embedding(MODEL, Modality.VISUAL, Scope.ASSET, new Segment(0, 0), new float[] {x, y, 0, 0});
    }

    /** Answers from a queue, or throws what it is told to; remembers the states it was called with. */
    private static final class ScriptedEmbedder implements VideoEmbedder {
        final Deque<Progress> answers = new ArrayDeque<>();
        final List<Map<String, String>> states = new ArrayList<>();
        RuntimeException failure;

        @Override
        public EmbeddingModel model() {
            return MODEL;
        }

        @Override
        public Progress embed(VideoMedia media, Map<String, String> state) {
            if (failure != null) {
                throw failure;
            }
            states.add(state);
            return answers.removeFirst();
        }

        @Override
        public Progress embedUpload(UploadedMedia media, Map<String, String> state) {
            throw new UnsupportedOperationException("the embed step embeds catalogue videos only");
        }
    }
}
