package org.milkmobs.adapters.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.application.port.out.media.AudioClip;
import org.milkmobs.application.port.out.media.MediaRejectedException;
import org.milkmobs.domain.video.FailureCode;

class FfprobeAudioClipProberTest {

    @TempDir
    Path dir;

    private final FfprobeAudioClipProber prober = new FfprobeAudioClipProber(FfmpegTools.onPath(), 5);

    @Test
    void aWavClipIsTakenWithTheDurationOfItsSound() {
        byte[] wav = read(tone("tone.wav", 2.5));

        AudioClip clip = prober.probe(wav);

        assertThat(clip.seconds()).isCloseTo(2.5, org.assertj.core.data.Offset.offset(0.05));
        assertThat(clip.bytes()).isEqualTo(wav);
    }

    @Test
    void compressedAudioAndAVideosSoundAreAudioToo() {
        assertThat(prober.probe(read(MediaFixtures.audioOnly(dir, "sine"))).seconds()).isBetween(2.9, 3.1);
        assertThat(prober.probe(read(MediaFixtures.video(dir, "clip", 4, 320, 240))).seconds()).isBetween(3.9, 4.1);
    }

    @Test
    void aClipLongerThanTheCapIsRefusedWithItsDuration() {
        assertThatThrownBy(() -> prober.probe(read(tone("long.wav", 6))))
                .isInstanceOfSatisfying(MediaRejectedException.class,
                        e -> assertThat(e.failure().code()).isEqualTo(FailureCode.MEDIA_LIMIT_EXCEEDED))
                .hasMessage("the audio clip lasts 6.0 s; a search clip may last at most 5 s");
    }

    @Test
    void aBitrateEstimateDoesNotHideHowLongTheSoundLasts() {
        // loud noise, then silence, in a raw AAC stream: ffprobe times it from the opening bitrate (about 4 s)
        Path quietTail = MediaFixtures.ffmpeg(dir.resolve("quiet-tail.aac"), List.of("-f", "lavfi", "-i", "anoisesrc=d=3:r=44100:a=1",
                "-f", "lavfi", "-i", "anullsrc=r=44100:cl=mono", "-filter_complex", "[0][1]concat=n=2:v=0:a=1,atrim=0:40",
                "-c:a", "aac", "-b:a", "128k", "-f", "adts"));

        assertThatThrownBy(() -> prober.probe(read(quietTail))).isInstanceOf(MediaRejectedException.class)
                .hasMessage("the audio clip lasts 40.0 s; a search clip may last at most 5 s");
        assertThat(new FfprobeAudioClipProber(FfmpegTools.onPath(), 60).probe(read(quietTail)).seconds()).isBetween(39.9, 40.1);
    }

    @Test
    void whatHasNoSoundIsNotAnAudioClip() {
        assertNotAudio(read(MediaFixtures.silentVideo(dir, "silent", 1)));
        assertNotAudio(read(MediaFixtures.stillImage(dir, "still")));
        assertNotAudio(read(MediaFixtures.textRenamedMp4(dir, "text")));
        assertThatThrownBy(() -> prober.probe(new byte[0])).isInstanceOf(MediaRejectedException.class).hasMessageContaining("empty");
    }

    @Test
    void theStagedCopyIsDeletedWhateverTheOutcome() throws IOException {
        long before = stagedCopies();

        prober.probe(read(tone("short.wav", 1)));
        assertThatThrownBy(() -> prober.probe(read(tone("too-long.wav", 6)))).isInstanceOf(MediaRejectedException.class);
        assertThatThrownBy(() -> prober.probe("not audio".getBytes())).isInstanceOf(MediaRejectedException.class);

        assertThat(stagedCopies()).isEqualTo(before);
    }

    private void assertNotAudio(byte[] bytes) {
        assertThatThrownBy(() -> prober.probe(bytes)).isInstanceOfSatisfying(MediaRejectedException.class,
                e -> assertThat(e.failure().code()).isEqualTo(FailureCode.INVALID_MEDIA)).hasMessageStartingWith("the upload is not audio");
    }

    private Path tone(String name, double seconds) {
        return MediaFixtures.ffmpeg(dir.resolve(name), List.of("-f", "lavfi", "-i", "sine=frequency=330:duration=" + seconds));
    }

    private static long stagedCopies() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("milkmobs-query-")).count();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
