package org.milkmobs.adapters.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.application.port.out.media.MediaLimits;
import org.milkmobs.domain.video.MediaFacts;

class FfmpegThumbnailExtractorTest {

    @TempDir
    Path dir;

    private final FfmpegTools tools = FfmpegTools.onPath();
    private final FfmpegThumbnailExtractor extractor = new FfmpegThumbnailExtractor(tools);
    private final FfprobeMediaProber prober = new FfprobeMediaProber(tools, new MediaLimits(100_000_000, 0, 3600));

    @Test
    void aVideoThatOpensInBlackGetsAColourfulThumbnail() throws IOException {
        Path video = MediaFixtures.blackOpening(dir, "black-open", 2, 4);

        BufferedImage image = decode(extractor.extractJpeg(video, prober.probe(video)));

        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(meanLuma(image)).as("mean brightness of the thumbnail").isGreaterThan(40);
    }

    @Test
    void largeVideosAreScaledDownTo640Wide() throws IOException {
        Path video = MediaFixtures.video(dir, "hd", 2, 1280, 720);
        MediaFacts facts = prober.probe(video);

        BufferedImage image = decode(extractor.extractJpeg(video, facts));

        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
    }

    @Test
    void longVideosSampleKeyFramesOnly() throws IOException {
        Path video = MediaFixtures.video(dir, "long", 150, 320, 240);

        assertThat(decode(extractor.extractJpeg(video, prober.probe(video))).getWidth()).isEqualTo(320);
    }

    private static BufferedImage decode(byte[] jpeg) throws IOException {
        assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(image).isNotNull();
        return image;
    }

    private static double meanLuma(BufferedImage image) {
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum += 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
            }
        }
        return sum / (image.getWidth() * image.getHeight());
    }
}
