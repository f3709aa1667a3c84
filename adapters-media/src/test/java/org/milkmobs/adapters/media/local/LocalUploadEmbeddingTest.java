package org.milkmobs.adapters.media.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.media.ffmpeg.FfmpegTools;
import org.milkmobs.adapters.media.ffmpeg.FfprobeMediaProber;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.application.port.out.analysis.UploadedMedia;
import org.milkmobs.application.port.out.analysis.VideoEmbedder.Progress;
import org.milkmobs.application.port.out.media.MediaLimits;
import org.milkmobs.application.port.out.media.MediaRejectedException;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.testing.InMemoryBlobStorage;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.video.MediaFacts;

/** The local model embeds a video uploaded through the gateway under its own name, at once; an audio file alone it refuses. */
class LocalUploadEmbeddingTest {

    private static final FfmpegTools TOOLS = FfmpegTools.onPath();

    @TempDir
    Path dir;

    private final InMemoryBlobStorage blobs = new InMemoryBlobStorage();
    private final LocalVideoEmbedder embedder = new LocalVideoEmbedder(blobs, TOOLS);

    @Test
    void anUploadedVideoIsEmbeddedInOneCallWithClipAndAssetVectorsOfThePictureAndTheSound() throws IOException {
        Path clip = MediaFixtures.captioned(dir, "uploaded", "MILK", 4, "sine=frequency=330");
        MediaFacts facts = new FfprobeMediaProber(TOOLS, new MediaLimits(1L << 30, 0, 3600)).probe(clip);
        BlobKey key = BlobKey.gatewayUpload(facts.contentHash());
        blobs.put(key, Files.readAllBytes(clip));

        Progress progress = embedder.embedUpload(new UploadedMedia(key, UploadedMedia.Kind.VIDEO, facts.durationSeconds(), facts.sizeBytes(),
                facts.contentHash(), Optional.of(facts), "key-1", "vemb_local"), Map.of());

        assertThat(progress).isInstanceOfSatisfying(Progress.Done.class, done -> {
            assertThat(done.embeddings()).allSatisfy(e -> assertThat(e.model()).isEqualTo(embedder.model()));
            assertThat(done.embeddings()).extracting(Embedding::modality).contains(Modality.VISUAL, Modality.AUDIO);
            assertThat(done.embeddings()).extracting(Embedding::scope).contains(Scope.CLIP, Scope.ASSET);
        });
    }

    @Test
    void anAudioFileAloneIsRefusedNamingMarengo() throws IOException {
        Path sound = MediaFixtures.audioOnly(dir, "song");
        BlobKey key = BlobKey.gatewayUpload(new org.milkmobs.domain.video.ContentHash("a".repeat(64)));
        blobs.put(key, Files.readAllBytes(sound));

        assertThatThrownBy(() -> embedder.embedUpload(new UploadedMedia(key, UploadedMedia.Kind.AUDIO, 3, Files.size(sound),
                new org.milkmobs.domain.video.ContentHash("a".repeat(64)), Optional.empty(), "key-1", "vemb_song"), Map.of()))
                .isInstanceOf(MediaRejectedException.class).hasMessageContaining("needs Marengo");
    }
}
