package org.milkmobs.application.service.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.pipeline.JobSignal;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.port.out.media.MediaProber;
import org.milkmobs.application.port.out.media.MediaRejectedException;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.testing.InMemoryBlobStorage;
import org.milkmobs.application.testing.InMemoryMobs;
import org.milkmobs.application.testing.InMemoryVideoListing;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.video.ContentHash;
import org.milkmobs.domain.video.Failure;
import org.milkmobs.domain.video.FailureCode;
import org.milkmobs.domain.video.MediaFacts;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoStatus;

/**
 * The preflight step on the in-memory stores, with a prober that answers as scripted: an upload that is a usable video
 * starts processing with its facts, one that is not fails for good with the reason, and an earlier analysed upload with
 * the same bytes is taken as its original.
 */
class PreflightStepTest {

    private static final byte[] UPLOAD = {0, 0, 0, 24, 'f', 't', 'y', 'p'};

    private final StepFixture fixture = new StepFixture();
    private final InMemoryBlobStorage storage = new InMemoryBlobStorage();
    private final ScriptedProber prober = new ScriptedProber();
    private final PreflightStep step = new PreflightStep(fixture.videos, storage, prober,
            new InMemoryVideoListing(fixture.store, new InMemoryMobs(), new MobSpace("test-model/2/visual=1.0")));

    @Test
    void aUsableUploadStartsProcessingWithItsFactsWrittenWithTheCompletion() {
        Video video = uploaded();
        prober.facts = facts("aa");

        StepOutcome outcome = step.execute(job(video), JobSignal.NEVER);

        assertThat(outcome).isInstanceOf(StepOutcome.Completed.class);
        assertThat(fixture.status(video.id())).as("nothing before the completion's write").isEqualTo(VideoStatus.SUBMITTED);
        StepFixture.written(outcome);
        Video processed = fixture.store.loadVideo(video.id()).orElseThrow();
        assertThat(processed.status()).isEqualTo(VideoStatus.PROCESSING);
        assertThat(processed.media()).contains(facts("aa"));
        assertThat(processed.duplicateOf()).isEmpty();
        assertThat(prober.probed).as("the prober read the upload's bytes").containsExactly(UPLOAD.length);
    }

    @Test
    void aMissingUploadFailsForGoodWithoutProbing() {
        Video video = fixture.store.saveVideo(TestVideos.submitted("alice"));

        StepOutcome outcome = step.execute(job(video), JobSignal.NEVER);

        assertThat(outcome).isInstanceOfSatisfying(StepOutcome.Failed.class, failed -> {
            assertThat(failed.permanent()).isTrue();
            assertThat(failed.failure().code()).isEqualTo(FailureCode.INVALID_MEDIA);
            assertThat(failed.error()).contains("missing");
        });
        assertThat(prober.probed).isEmpty();
        assertThat(fixture.status(video.id())).isEqualTo(VideoStatus.SUBMITTED);
    }

    @Test
    void aRejectedUploadFailsForGoodWithTheProbersReasonAndLeavesNoLocalCopy() {
        Video video = uploaded();
        prober.rejection = new MediaRejectedException(new Failure(FailureCode.MEDIA_LIMIT_EXCEEDED, "the video lasts 95 s; at most 60 s"));

        StepOutcome outcome = step.execute(job(video), JobSignal.NEVER);

        assertThat(outcome).isInstanceOfSatisfying(StepOutcome.Failed.class, failed -> {
            assertThat(failed.permanent()).isTrue();
            assertThat(failed.failure()).isEqualTo(new Failure(FailureCode.MEDIA_LIMIT_EXCEEDED, "the video lasts 95 s; at most 60 s"));
            assertThat(failed.error()).isEqualTo("the video lasts 95 s; at most 60 s");
        });
        assertThat(fixture.status(video.id())).isEqualTo(VideoStatus.SUBMITTED);
        assertThat(prober.paths).singleElement().satisfies(path -> assertThat(Files.exists(path)).as("the local copy is removed").isFalse());
    }

    @Test
    void theLocalCopyIsRemovedOnceProbed() {
        Video video = uploaded();
        prober.facts = facts("aa");

        step.execute(job(video), JobSignal.NEVER);

        assertThat(prober.paths).singleElement().satisfies(path -> assertThat(Files.exists(path)).isFalse());
    }

    @Test
    void anUploadWithTheBytesOfAnAnalysedVideoIsMarkedItsDuplicate() {
        Video original = analysed("aa");
        Video copy = uploaded();
        prober.facts = facts("aa");

        StepFixture.written(step.execute(job(copy), JobSignal.NEVER));

        Video processed = fixture.store.loadVideo(copy.id()).orElseThrow();
        assertThat(processed.duplicateOf()).contains(original.id());
        assertThat(processed.status()).isEqualTo(VideoStatus.PROCESSING);
    }

    @Test
    void anUploadWaitingInReviewIsAnalysedAndItsAnalysisReused() {
        Video inReview = analysed("aa");
        inReview.settleAs(VideoStatus.IN_REVIEW, TestVideos.later(4));
        fixture.store.saveVideo(inReview);
        Video copy = uploaded();
        prober.facts = facts("aa");

        StepFixture.written(step.execute(job(copy), JobSignal.NEVER));

        assertThat(fixture.store.loadVideo(copy.id()).orElseThrow().duplicateOf()).contains(inReview.id());
    }

    @Test
    void neitherOtherBytesNorAnUnfinishedUploadWithTheSameBytesMakeADuplicate() {
        analysed("bb");
        Video stillProcessing = fixture.processing();
        Video video = uploaded();
        prober.facts = stillProcessing.media().orElseThrow();

        StepFixture.written(step.execute(job(video), JobSignal.NEVER));

        assertThat(fixture.store.loadVideo(video.id()).orElseThrow().duplicateOf())
                .as("the only same-bytes video is not analysed yet, so there is nothing to reuse").isEmpty();
    }

    private static PipelineJob job(Video video) {
        return StepFixture.job(video, PipelineStep.PREFLIGHT, Map.of());
    }

    private Video uploaded() {
        Video video = fixture.store.saveVideo(TestVideos.submitted("alice"));
        storage.put(BlobKey.source(video.id()), UPLOAD);
        return video;
    }

    private Video analysed(String hash) {
        Video video = TestVideos.submitted("bob");
        video.markUploaded(facts(hash), TestVideos.later(1));
        video.startProcessing(TestVideos.later(2));
        video.markAnalyzed(TestVideos.later(3));
        return fixture.store.saveVideo(video);
    }

    private static MediaFacts facts(String hash) {
        MediaFacts base = TestVideos.mediaFacts();
        return new MediaFacts(base.container(), base.videoCodec(), base.audioCodec(), base.durationSeconds(), base.width(), base.height(),
                base.sizeBytes(), new ContentHash(hash.repeat(32)));
    }

    /** Answers with the facts it is given, or refuses the file; remembers the files it was shown and their sizes. */
    private static final class ScriptedProber implements MediaProber {
        final List<Integer> probed = new ArrayList<>();
        final List<Path> paths = new ArrayList<>();
        MediaFacts facts;
        MediaRejectedException rejection;

        @Override
        public MediaFacts probe(Path file) {
            paths.add(file);
            try {
                probed.add(Files.readAllBytes(file).length);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (rejection != null) {
                throw rejection;
            }
            return facts;
        }
    }
}
