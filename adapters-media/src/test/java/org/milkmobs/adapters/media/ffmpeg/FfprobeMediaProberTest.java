package org.milkmobs.adapters.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.application.port.out.media.MediaLimits;
import org.milkmobs.application.port.out.media.MediaRejectedException;
import org.milkmobs.domain.video.FailureCode;
import org.milkmobs.domain.video.MediaFacts;

class FfprobeMediaProberTest {

    @TempDir
    static Path dir;

    private static Path valid;
    private final FfprobeMediaProber prober = new FfprobeMediaProber(FfmpegTools.onPath(), new MediaLimits(50_000_000, 1, 600));

    @BeforeAll
    static void makeVideo() {
        valid = MediaFixtures.video(dir, "valid", 4, 640, 360);
    }

    @Test
    void aValidVideoYieldsItsFactsAndContentHash() throws Exception {
        MediaFacts facts = prober.probe(valid);

        assertThat(facts.container()).isEqualTo("mov,mp4,m4a,3gp,3g2,mj2");
        assertThat(facts.videoCodec()).isEqualTo("h264");
        assertThat(facts.audioCodec()).isEqualTo("aac");
        assertThat(facts.hasAudio()).isTrue();
        assertThat(facts.durationSeconds()).isBetween(3.9, 4.1);
        assertThat(facts.width()).isEqualTo(640);
        assertThat(facts.height()).isEqualTo(360);
        assertThat(facts.sizeBytes()).isEqualTo(Files.size(valid));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(valid)));
        assertThat(facts.contentHash().sha256()).isEqualTo(expected);
    }

    @Test
    void aSilentVideoHasNoAudio() {
        assertThat(prober.probe(MediaFixtures.silentVideo(dir, "silent", 2)).hasAudio()).isFalse();
    }

    @Test
    void anEmptyFileIsRejected() {
        assertRejected(MediaFixtures.empty(dir, "empty"), FailureCode.INVALID_MEDIA, "empty");
    }

    @Test
    void aTextFileNamedMp4IsRejectedByItsContent() {
        assertRejected(MediaFixtures.textRenamedMp4(dir, "text"), FailureCode.INVALID_MEDIA, "not a readable video");
        assertThatThrownBy(() -> prober.probe(MediaFixtures.textRenamedMp4(dir, "text2"))).isInstanceOfSatisfying(MediaRejectedException.class,
                e -> assertThat(e.failure().detail()).doesNotContain("Invalid data found", "("));
    }

    @Test
    void anAudioOnlyFileIsRejected() {
        assertRejected(MediaFixtures.audioOnly(dir, "audio"), FailureCode.INVALID_MEDIA, "no video stream");
    }

    @Test
    void aStillImageIsRejected() {
        assertThatThrownBy(() -> prober.probe(MediaFixtures.stillImage(dir, "still")))
                .isInstanceOfSatisfying(MediaRejectedException.class,
                        e -> assertThat(e.failure().code()).isEqualTo(FailureCode.INVALID_MEDIA));
    }

    @Test
    void aTruncatedVideoIsRejectedWhereverTheCutFalls() {
        for (double fraction : new double[] {0.1, 0.5, 0.9}) {
            Path cut = MediaFixtures.truncated(dir, "cut" + (int) (fraction * 100), valid, fraction);
            assertThatThrownBy(() -> prober.probe(cut)).as("cut at %s", fraction)
                    .isInstanceOfSatisfying(MediaRejectedException.class, e -> {
                        assertThat(e.failure().code()).isEqualTo(FailureCode.INVALID_MEDIA);
                        assertThat(e.getMessage()).doesNotContain(dir.toString());
                        // defect 18: words for the uploader, not ffmpeg's text (memory addresses, demuxer names)
                        assertThat(e.failure().detail()).matches("[^\\[\\]@]*").doesNotContainPattern("0x[0-9a-f]+")
                                .contains("truncated or corrupt").doesNotContain("(");
                    });
        }
    }

    @Test
    void theLimitsApply() throws IOException {
        FfprobeMediaProber strict = new FfprobeMediaProber(FfmpegTools.onPath(), new MediaLimits(Files.size(valid) - 1, 1, 600));
        assertThatThrownBy(() -> strict.probe(valid)).hasMessageContaining("the limit is");

        FfprobeMediaProber shortOnly = new FfprobeMediaProber(FfmpegTools.onPath(), new MediaLimits(50_000_000, 1, 3));
        assertThatThrownBy(() -> shortOnly.probe(valid))
                .isInstanceOfSatisfying(MediaRejectedException.class,
                        e -> assertThat(e.failure().code()).isEqualTo(FailureCode.MEDIA_LIMIT_EXCEEDED))
                .hasMessageContaining("the limit is 3 s");

        FfprobeMediaProber longOnly = new FfprobeMediaProber(FfmpegTools.onPath(), new MediaLimits(50_000_000, 10, 600));
        assertThatThrownBy(() -> longOnly.probe(valid)).hasMessageContaining("at least 10 s");
    }

    private void assertRejected(Path file, FailureCode code, String detail) {
        assertThatThrownBy(() -> prober.probe(file))
                .isInstanceOfSatisfying(MediaRejectedException.class, e -> assertThat(e.failure().code()).isEqualTo(code))
                .hasMessageContaining(detail);
    }
}
