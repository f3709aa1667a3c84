package org.milkmobs.adapters.media.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.media.ffmpeg.FfmpegTools;
import org.milkmobs.adapters.media.ffmpeg.FfprobeMediaProber;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.application.port.out.media.MediaLimits;
import org.milkmobs.domain.analysis.AudioHints;

class LocalVideoUnderstandingTest {

    @TempDir
    Path dir;

    private final FfmpegTools tools = FfmpegTools.onPath();
    private final LocalVideoUnderstanding understanding = new LocalVideoUnderstanding(null, tools, "tesseract", "eng", 4);
    private final FfprobeMediaProber prober = new FfprobeMediaProber(tools, new MediaLimits(1L << 30, 0, 3600));

    @Test
    void onScreenTextIsReadAndPatternsAreNotReadAsWords() {
        Path video = MediaFixtures.captioned(dir, "caption", "MILK MOB CHALLENGE", 6, "sine=frequency=440:sample_rate=44100");

        LocalVideoUnderstanding.Result result = understanding.understand(video, prober.probe(video));

        assertThat(result.ocrText()).contains("MILK").contains("MOB").contains("CHALLENGE");
        assertThat(result.ocrText().split(" ")).as("only the caption's words, no texture garbage").hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void aVideoWithoutTextHasNoOcrText() {
        Path video = MediaFixtures.video(dir, "plain", 4, 640, 360);

        assertThat(understanding.understand(video, prober.probe(video)).ocrText().split(" ").length).isLessThanOrEqualTo(1);
    }

    @Test
    void aSteadyToneHintsAtMusicAndSilenceIsSilent() {
        Path tone = MediaFixtures.video(dir, "tone", 5, 320, 240);
        Path silent = MediaFixtures.silentVideo(dir, "silent", 3);
        Path noise = MediaFixtures.ffmpeg(dir.resolve("noise.mp4"), List.of(
                "-f", "lavfi", "-t", "5", "-i", "testsrc2=size=320x240:rate=25",
                "-f", "lavfi", "-t", "5", "-i", "anoisesrc=color=white:amplitude=0.3",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"));

        assertThat(understanding.understand(tone, prober.probe(tone)).audio()).isEqualTo(new AudioHints(false, false, true));
        assertThat(understanding.understand(silent, prober.probe(silent)).audio()).isEqualTo(AudioHints.NO_AUDIO);
        AudioHints hiss = understanding.understand(noise, prober.probe(noise)).audio();
        assertThat(hiss.silent()).isFalse();
        assertThat(hiss.musicLikely()).as("white noise is not music").isFalse();
    }

    @Test
    void theLookIsNamedByItsDominantColoursAndHowMuchThePictureChanges() {
        Path blue = lavfi("blue", "color=c=0x2050b0:size=320x240:rate=25,drawbox=x=20:y=100:w=40:h=40:c=white:t=fill");
        Path red = lavfi("red", "color=c=0xc02020:size=320x240:rate=25");
        Path pattern = lavfi("pattern", "testsrc2=size=320x240:rate=25");
        Path gradients = lavfi("gradients", "gradients=size=320x240:rate=25:speed=0.05:seed=5:c0=0xe0a030:c1=0x3050c0");
        // grey brightening by 10 levels a frame: black to nearly white within a second, far past the "fast" line
        Path flash = lavfi("flash", "color=c=black:size=320x240:rate=25,format=yuv420p,geq=lum='N*10':cb=128:cr=128");

        assertThat(understanding.understand(blue, prober.probe(blue)).look()).as("a small white box is not dominant")
                .containsExactly("blue", "still");
        assertThat(understanding.understand(red, prober.probe(red)).look()).containsExactly("red", "still");
        assertThat(understanding.understand(pattern, prober.probe(pattern)).look()).endsWith("moving");
        assertThat(understanding.understand(gradients, prober.probe(gradients)).look()).as("slowly drifting gradients")
                .containsExactly("blue", "orange", "moving");
        assertThat(understanding.understand(flash, prober.probe(flash)).look()).endsWith("fast");
    }

    private Path lavfi(String name, String source) {
        return MediaFixtures.ffmpeg(dir.resolve(name + ".mp4"), List.of("-f", "lavfi", "-t", "5", "-i", source,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"));
    }
}
