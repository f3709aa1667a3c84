package org.milkmobs.application.service.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.pipeline.JobSignal;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.port.out.media.ThumbnailExtractor;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.port.out.storage.BlobStorageException;
import org.milkmobs.application.port.out.storage.BlobTooLargeException;
import org.milkmobs.application.testing.InMemoryBlobStorage;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.video.MediaFacts;
import org.milkmobs.domain.video.Video;

/**
 * The thumbnail step on the in-memory stores, with an extractor that answers as scripted: the frame is stored under the
 * video's thumbnail key and the video shows it once the completion is written; a re-run rewrites it harmlessly.
 */
class ThumbnailStepTest {

    private static final byte[] SOURCE = {0, 0, 0, 24, 'f', 't', 'y', 'p'};
    private static final byte[] FRAME = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};

    private final StepFixture fixture = new StepFixture();
    private final InMemoryBlobStorage storage = new InMemoryBlobStorage();
    private final ScriptedExtractor extractor = new ScriptedExtractor();
    private final ThumbnailStep step = new ThumbnailStep(fixture.videos, storage, extractor);

    @Test
    void theFrameIsStoredAsTheThumbnailAndTheVideoShowsItWithTheCompletion() throws IOException {
        Video video = withSource(fixture.processing());
        extractor.frame = FRAME;

        StepOutcome outcome = step.execute(job(video), JobSignal.NEVER);

        assertThat(outcome).isInstanceOf(StepOutcome.Completed.class);
        assertThat(thumbnail(video)).containsExactly(FRAME);
        assertThat(fixture.store.loadVideo(video.id()).orElseThrow().hasThumbnail()).as("not before the completion's write").isFalse();
        StepFixture.written(outcome);
        Video shown = fixture.store.loadVideo(video.id()).orElseThrow();
        assertThat(shown.hasThumbnail()).isTrue();
        assertThat(shown.updatedAt()).isEqualTo(fixture.clock.instant());
    }

    @Test
    void theExtractorReadsTheUploadWithItsProbedFactsAndTheLocalCopyIsRemoved() {
        Video video = withSource(fixture.processing());
        extractor.frame = FRAME;

        step.execute(job(video), JobSignal.NEVER);

        assertThat(extractor.facts).containsExactly(TestVideos.mediaFacts());
        assertThat(extractor.sizes).containsExactly(SOURCE.length);
        assertThat(extractor.paths).singleElement().satisfies(path -> assertThat(Files.exists(path)).isFalse());
    }

    @Test
    void aReRunRewritesTheThumbnailAndTheVideoKeepsIt() throws IOException {
        Video video = withSource(fixture.processing());
        extractor.frame = new byte[] {1};
        StepFixture.written(step.execute(job(video), JobSignal.NEVER));

        extractor.frame = FRAME;
        StepFixture.written(step.execute(job(video), JobSignal.NEVER));

        assertThat(thumbnail(video)).containsExactly(FRAME);
        assertThat(fixture.store.loadVideo(video.id()).orElseThrow().hasThumbnail()).isTrue();
    }

    @Test
    void aVideoThatHasNotPassedPreflightGetsNoThumbnail() {
        Video video = withSource(fixture.store.saveVideo(TestVideos.submitted("alice")));
        extractor.frame = FRAME;

        assertThatThrownBy(() -> step.execute(job(video), JobSignal.NEVER))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("preflight");

        assertThat(storage.contains(BlobKey.thumbnail(video.id()))).isFalse();
        assertThat(extractor.facts).isEmpty();
    }

    @Test
    void aMissingUploadOrAnOversizedFrameLeavesTheVideoWithoutAThumbnail() {
        Video missing = fixture.processing();
        extractor.frame = FRAME;
        assertThatThrownBy(() -> step.execute(job(missing), JobSignal.NEVER)).isInstanceOf(BlobStorageException.class);

        Video huge = withSource(fixture.processing());
        extractor.frame = new byte[8 * 1024 * 1024 + 1];
        assertThatThrownBy(() -> step.execute(job(huge), JobSignal.NEVER)).isInstanceOf(BlobTooLargeException.class);

        for (Video video : List.of(missing, huge)) {
            assertThat(storage.contains(BlobKey.thumbnail(video.id()))).isFalse();
            assertThat(fixture.store.loadVideo(video.id()).orElseThrow().hasThumbnail()).isFalse();
        }
    }

    private Video withSource(Video video) {
        storage.put(BlobKey.source(video.id()), SOURCE);
        return video;
    }

    private byte[] thumbnail(Video video) throws IOException {
        try (InputStream in = storage.read(BlobKey.thumbnail(video.id()), 0, Long.MAX_VALUE)) {
            return in.readAllBytes();
        }
    }

    private static PipelineJob job(Video video) {
        return StepFixture.job(video, PipelineStep.THUMBNAIL, Map.of());
    }

    /** Answers with the frame it is given; remembers the files and facts it was shown. */
    private static final class ScriptedExtractor implements ThumbnailExtractor {
        final List<Path> paths = new ArrayList<>();
        final List<Integer> sizes = new ArrayList<>();
        final List<MediaFacts> facts = new ArrayList<>();
        byte[] frame;

        @Override
        public byte[] extractJpeg(Path video, MediaFacts probed) {
            paths.add(video);
            facts.add(probed);
            try {
                sizes.add(Files.readAllBytes(video).length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return frame;
        }
    }
}
