package org.milkmobs.adapters.media.local;

import java.io.DataInputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.milkmobs.adapters.media.ffmpeg.FfmpegTools;
import org.milkmobs.adapters.media.ffmpeg.ProcessRunner;

/**
 * Words for how a video looks, for a mob label when no hashtag or on-screen word tells mobs apart: its dominant
 * colours (each pixel named by hue, or black, grey or white when it has little colour) and how much the picture
 * changes within a second ({@code still}, {@code moving}, {@code fast}). It decodes one second after each of up to
 * {@value #BURSTS} key frames spread over the video (found in the container, without decoding), never the whole
 * video: decoding from a key frame needs nothing before it.
 */
final class LookWords {

    /** A colour names the video when at least this share of the pixels has it. */
    static final double DOMINANT_SHARE = 0.15;
    static final int MAX_COLOURS = 2;
    /** Mean absolute luma change across a second, below which a video is still, and from which it is fast. */
    static final double STILL_BELOW = 0.01;
    static final double FAST_FROM = 0.1;
    static final int BURSTS = 4;
    static final double BURST_SECONDS = 1.0;

    private static final int W = LocalPerceptualModel.FRAME_WIDTH;
    private static final int H = LocalPerceptualModel.FRAME_HEIGHT;

    private LookWords() {
    }

    static List<String> read(FfmpegTools tools, Path video, Duration timeout) {
        Tally tally = new Tally();
        for (double start : spread(keyFrameTimes(tools, video, timeout), BURSTS)) {
            List<String> command = List.of(tools.ffmpeg(), "-v", "error", "-nostdin",
                    "-ss", String.format(Locale.ROOT, "%.3f", start), "-i", video.toAbsolutePath().toString(),
                    "-t", Double.toString(BURST_SECONDS), "-an", "-sn", "-dn",
                    "-vf", "scale=" + W + ":" + H + ":flags=area,format=rgb24", "-f", "rawvideo", "pipe:1");
            ProcessRunner.stream(command, timeout, stdout -> {
                DataInputStream in = new DataInputStream(stdout);
                byte[] frame = new byte[W * H * 3];
                tally.startBurst();
                while (true) {
                    try {
                        in.readFully(frame);
                    } catch (EOFException end) {
                        tally.endBurst();
                        return null;
                    }
                    tally.add(frame);
                }
            });
        }
        return tally.words();
    }

    /** When the key frames start, from the container's packet flags (no decoding); at least 0. */
    static List<Double> keyFrameTimes(FfmpegTools tools, Path video, Duration timeout) {
        ProcessRunner.Result probe = ProcessRunner.run(List.of(tools.ffprobe(), "-v", "error", "-select_streams", "v:0",
                "-show_entries", "packet=pts_time,flags", "-of", "csv=p=0", video.toAbsolutePath().toString()), timeout, 64L << 20);
        TreeSet<Double> times = new TreeSet<>();
        for (String line : new String(probe.stdout(), StandardCharsets.US_ASCII).split("\n")) {
            String[] fields = line.trim().split(",");
            if (fields.length >= 2 && fields[1].contains("K")) {
                try {
                    times.add(Math.max(0, Double.parseDouble(fields[0])));
                } catch (NumberFormatException notATime) {
                    // N/A: a packet without a timestamp tells nothing
                }
            }
        }
        if (times.isEmpty()) {
            times.add(0.0);
        }
        return new ArrayList<>(times);
    }

    /** At most {@code count} of the times, evenly spread, the first always among them. */
    static List<Double> spread(List<Double> times, int count) {
        if (times.size() <= count) {
            return times;
        }
        List<Double> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(times.get(i * times.size() / count));
        }
        return picked;
    }

    /** Colour counts over every frame, and the luma change between the first and the last frame of each burst. */
    static final class Tally {

        private final Map<String, Long> colours = new TreeMap<>();
        private long pixels;
        private float[] firstLuma;
        private float[] lastLuma;
        private double change;
        private int changes;

        void startBurst() {
            firstLuma = null;
            lastLuma = null;
        }

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
            if (firstLuma == null) {
                firstLuma = luma;
            }
            lastLuma = luma;
        }

        void endBurst() {
            if (firstLuma != null && lastLuma != firstLuma) {
                double sum = 0;
                for (int p = 0; p < lastLuma.length; p++) {
                    sum += Math.abs(lastLuma[p] - firstLuma[p]);
                }
                change += sum / lastLuma.length;
                changes++;
            }
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
