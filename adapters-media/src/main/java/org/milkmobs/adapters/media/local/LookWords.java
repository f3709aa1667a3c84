package org.milkmobs.adapters.media.local;

import java.io.DataInputStream;
import java.io.EOFException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.milkmobs.adapters.media.ffmpeg.FfmpegTools;
import org.milkmobs.adapters.media.ffmpeg.ProcessRunner;

/**
 * Words for how a video looks, for a mob label when no hashtag or on-screen word tells mobs apart: its dominant
 * colours (each pixel named by hue, or black, grey or white when it has little colour) and how much the picture
 * changes from one second to the next ({@code still}, {@code moving}, {@code fast}). Reads one 64×36 frame per
 * second, so it costs a small fraction of the embedding's decode.
 */
final class LookWords {

    /** A colour names the video when at least this share of the pixels has it. */
    static final double DOMINANT_SHARE = 0.15;
    static final int MAX_COLOURS = 2;
    /** Mean absolute luma change between frames a second apart, below which a video is still, and above which it is fast. */
    static final double STILL_BELOW = 0.01;
    static final double FAST_FROM = 0.1;

    private static final int W = LocalPerceptualModel.FRAME_WIDTH;
    private static final int H = LocalPerceptualModel.FRAME_HEIGHT;

    private LookWords() {
    }

    static List<String> read(FfmpegTools tools, Path video, Duration timeout) {
        List<String> command = List.of(tools.ffmpeg(), "-v", "error", "-nostdin", "-i", video.toAbsolutePath().toString(),
                "-an", "-sn", "-dn", "-vf", "fps=1,scale=" + W + ":" + H + ":flags=area,format=rgb24", "-f", "rawvideo", "pipe:1");
        return ProcessRunner.stream(command, timeout, stdout -> {
            Tally tally = new Tally();
            DataInputStream in = new DataInputStream(stdout);
            byte[] frame = new byte[W * H * 3];
            while (true) {
                try {
                    in.readFully(frame);
                } catch (EOFException end) {
                    return tally.words();
                }
                tally.add(frame);
            }
        });
    }

    /** Colour counts and luma changes over a stream of W×H RGB frames. */
    static final class Tally {

        private final Map<String, Long> colours = new TreeMap<>();
        private long pixels;
        private float[] previousLuma;
        private double change;
        private int changes;

        void add(byte[] rgb) {
            float[] luma = new float[W * H];
            for (int p = 0; p < W * H; p++) {
                double r = (rgb[p * 3] & 0xFF) / 255.0;
                double g = (rgb[p * 3 + 1] & 0xFF) / 255.0;
                double b = (rgb[p * 3 + 2] & 0xFF) / 255.0;
                luma[p] = (float) (0.299 * r + 0.587 * g + 0.114 * b);
                colours.merge(colourName(r, g, b), 1L, Long::sum);
            }
            pixels += W * H;
            if (previousLuma != null) {
                double sum = 0;
                for (int p = 0; p < luma.length; p++) {
                    sum += Math.abs(luma[p] - previousLuma[p]);
                }
                change += sum / luma.length;
                changes++;
            }
            previousLuma = luma;
        }

        List<String> words() {
            List<String> words = new ArrayList<>();
            if (pixels == 0) {
                return words;
            }
            colours.entrySet().stream().filter(e -> e.getValue() >= DOMINANT_SHARE * pixels)
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(MAX_COLOURS)
                    .forEach(e -> words.add(e.getKey()));
            if (changes > 0) {
                double meanChange = change / changes;
                words.add(meanChange < STILL_BELOW ? "still" : meanChange < FAST_FROM ? "moving" : "fast");
            }
            return words;
        }
    }

    static String colourName(double r, double g, double b) {
        double max = Math.max(r, Math.max(g, b));
        double min = Math.min(r, Math.min(g, b));
        double saturation = max == 0 ? 0 : (max - min) / max;
        if (max < 0.2) {
            return "black";
        }
        if (saturation < 0.2) {
            return max > 0.8 ? "white" : "grey";
        }
        double delta = max - min;
        double hue;
        if (max == r) {
            hue = 60 * (((g - b) / delta) % 6);
        } else if (max == g) {
            hue = 60 * ((b - r) / delta + 2);
        } else {
            hue = 60 * ((r - g) / delta + 4);
        }
        hue = hue < 0 ? hue + 360 : hue;
        if (hue < 15 || hue >= 345) {
            return "red";
        } else if (hue < 45) {
            return "orange";
        } else if (hue < 70) {
            return "yellow";
        } else if (hue < 165) {
            return "green";
        } else if (hue < 195) {
            return "cyan";
        } else if (hue < 260) {
            return "blue";
        } else if (hue < 290) {
            return "purple";
        }
        return "magenta";
    }
}
