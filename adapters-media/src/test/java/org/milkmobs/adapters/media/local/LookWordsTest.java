package org.milkmobs.adapters.media.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.media.ffmpeg.FfmpegTools;
import org.milkmobs.adapters.media.testing.MediaFixtures;

class LookWordsTest {

    @TempDir
    Path dir;

    @Test
    void burstsStartAtKeyFramesSpreadOverTheVideo() {
        Path video = MediaFixtures.ffmpeg(dir.resolve("gop.mp4"), List.of("-f", "lavfi", "-t", "8", "-i", "testsrc2=size=160x120:rate=25",
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p"));

        List<Double> keys = LookWords.keyFrameTimes(FfmpegTools.onPath(), video, java.time.Duration.ofSeconds(30));

        assertThat(keys).hasSize(8).startsWith(0.0);
        assertThat(LookWords.spread(keys, 4)).containsExactly(keys.get(0), keys.get(2), keys.get(4), keys.get(6));
        assertThat(LookWords.spread(List.of(0.0, 5.0), 4)).containsExactly(0.0, 5.0);
    }

    @Test
    void pixelsAreNamedByHueOrByLightnessWhenTheyHaveLittleColour() {
        assertThat(LookWords.colourName(0.8, 0.1, 0.1)).isEqualTo("red");
        assertThat(LookWords.colourName(0.9, 0.6, 0.1)).isEqualTo("orange");
        assertThat(LookWords.colourName(0.1, 0.7, 0.2)).isEqualTo("green");
        assertThat(LookWords.colourName(0.1, 0.3, 0.7)).isEqualTo("blue");
        assertThat(LookWords.colourName(0.8, 0.1, 0.8)).isEqualTo("magenta");
        assertThat(LookWords.colourName(0.05, 0.05, 0.1)).isEqualTo("black");
        assertThat(LookWords.colourName(0.5, 0.5, 0.5)).isEqualTo("grey");
        assertThat(LookWords.colourName(0.95, 0.95, 0.9)).isEqualTo("white");
    }
}
