package org.milkmobs.adapters.media.local;

import java.io.DataInputStream;
import java.io.EOFException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.milkmobs.adapters.media.ffmpeg.FfmpegTools;
import org.milkmobs.adapters.media.ffmpeg.ProcessRunner;
import org.milkmobs.domain.video.Fingerprint;

/**
 * Streams a video's frames from ffmpeg (sampled, scaled to 64×36 RGB, through a pipe) and sums their
 * {@link VisualFeatures} per clip window, and the mean luma of each second on the fingerprint's grid. Only one frame is
 * in memory at a time.
 */
final class FrameTrack {

    /** The fingerprint's grid (ADR 0030): 2×2 blocks of the 64×36 frame, one luma byte each. */
    static final int FINGERPRINT_WIDTH = LocalPerceptualModel.FRAME_WIDTH / 2;
    static final int FINGERPRINT_HEIGHT = LocalPerceptualModel.FRAME_HEIGHT / 2;

    private FrameTrack() {
    }

    /**
     * Sums of frame features per window ([window][feature]) and frame counts per window; the fingerprint, one frame per
     * second that has at least half its frames (none when no second has).
     */
    record Sums(double[][] features, int[] frames, Optional<Fingerprint> fingerprint) {
    }

    static Sums read(FfmpegTools tools, Path video, ClipWindows windows, Duration timeout) {
        double[][] sums = new double[windows.count()][VisualFeatures.DIMENSION];
        int[] counts = new int[windows.count()];
        VisualFeatures features = new VisualFeatures();
        Seconds seconds = new Seconds();
        stream(tools, video, timeout, (index, frame) -> {
            seconds.add(index / LocalPerceptualModel.FRAMES_PER_SECOND, frame);
            float[] f = features.next(frame);
            int window = windows.indexOf((double) index / LocalPerceptualModel.FRAMES_PER_SECOND);
            for (int i = 0; i < f.length; i++) {
                sums[window][i] += f[i];
            }
            counts[window]++;
        });
        return new Sums(sums, counts, seconds.fingerprint());
    }

    /**
     * The fingerprint alone, from the same frames as {@link #read} (for an analyzer that makes none: the frame
     * fingerprinter), so both are one measure.
     */
    static Optional<Fingerprint> fingerprint(FfmpegTools tools, Path video, Duration timeout) {
        Seconds seconds = new Seconds();
        stream(tools, video, timeout, (index, frame) -> seconds.add(index / LocalPerceptualModel.FRAMES_PER_SECOND, frame));
        return seconds.fingerprint();
    }

    /** Receives each sampled frame (64×36 RGB, reused between calls) with its index. */
    @FunctionalInterface
    interface FrameSink {
        void accept(int index, byte[] rgb);
    }

    /** Streams the video's sampled frames to {@code sink}, one frame in memory at a time. */
    private static void stream(FfmpegTools tools, Path video, Duration timeout, FrameSink sink) {
        int frameBytes = LocalPerceptualModel.FRAME_WIDTH * LocalPerceptualModel.FRAME_HEIGHT * 3;
        List<String> command = List.of(tools.ffmpeg(), "-v", "error", "-nostdin", "-i", video.toAbsolutePath().toString(),
                "-an", "-sn", "-dn",
                "-vf", "fps=" + LocalPerceptualModel.FRAMES_PER_SECOND + ",scale=" + LocalPerceptualModel.FRAME_WIDTH + ":"
                        + LocalPerceptualModel.FRAME_HEIGHT + ":flags=area,format=rgb24",
                "-f", "rawvideo", "pipe:1");
        ProcessRunner.stream(command, timeout, stdout -> {
            DataInputStream in = new DataInputStream(stdout);
            byte[] frame = new byte[frameBytes];
            for (int index = 0; ; index++) {
                try {
                    in.readFully(frame);
                } catch (EOFException end) {
                    return null;
                }
                sink.accept(index, frame);
            }
        });
    }

    /** Luma sums of each second on the fingerprint grid. */
    static final class Seconds {

        private final List<double[]> sums = new ArrayList<>();
        private final List<Integer> counts = new ArrayList<>();

        void add(int second, byte[] rgb) {
            while (sums.size() <= second) {
                sums.add(new double[FINGERPRINT_WIDTH * FINGERPRINT_HEIGHT]);
                counts.add(0);
            }
            double[] grid = sums.get(second);
            int w = LocalPerceptualModel.FRAME_WIDTH;
            for (int y = 0; y < LocalPerceptualModel.FRAME_HEIGHT; y++) {
                for (int x = 0; x < w; x++) {
                    int i = (y * w + x) * 3;
                    grid[(y / 2) * FINGERPRINT_WIDTH + x / 2] += 0.299 * (rgb[i] & 0xFF) + 0.587 * (rgb[i + 1] & 0xFF) + 0.114 * (rgb[i + 2] & 0xFF);
                }
            }
            counts.set(second, counts.get(second) + 1);
        }

        Optional<Fingerprint> fingerprint() {
            int size = FINGERPRINT_WIDTH * FINGERPRINT_HEIGHT;
            int kept = 0;
            byte[] cells = new byte[sums.size() * size];
            for (int s = 0; s < sums.size(); s++) {
                int frames = counts.get(s);
                if (frames * 2 < LocalPerceptualModel.FRAMES_PER_SECOND) {
                    continue; // a last second with fewer than half its frames
                }
                for (int c = 0; c < size; c++) {
                    cells[kept * size + c] = (byte) Math.round(Math.min(255, sums.get(s)[c] / (4.0 * frames)));
                }
                kept++;
            }
            return kept == 0 ? Optional.empty()
                    : Optional.of(new Fingerprint(FINGERPRINT_WIDTH, FINGERPRINT_HEIGHT, java.util.Arrays.copyOf(cells, kept * size)));
        }
    }
}
