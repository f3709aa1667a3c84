package org.milkmobs.adapters.media.local;

import java.io.DataInputStream;
import java.io.EOFException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.milkmobs.adapters.media.ffmpeg.FfmpegTools;
import org.milkmobs.adapters.media.ffmpeg.ProcessRunner;

/**
 * Streams a video's frames from ffmpeg (sampled, scaled to 64×36 RGB, through a pipe) and sums their
 * {@link VisualFeatures} per clip window. Only one frame is in memory at a time.
 */
final class FrameTrack {

    private FrameTrack() {
    }

    /** Sums of frame features per window ([window][feature]) and frame counts per window. */
    record Sums(double[][] features, int[] frames) {
    }

    static Sums read(FfmpegTools tools, Path video, ClipWindows windows, Duration timeout) {
        int frameBytes = LocalPerceptualModel.FRAME_WIDTH * LocalPerceptualModel.FRAME_HEIGHT * 3;
        List<String> command = List.of(tools.ffmpeg(), "-v", "error", "-nostdin", "-i", video.toAbsolutePath().toString(),
                "-an", "-sn", "-dn",
                "-vf", "fps=" + LocalPerceptualModel.FRAMES_PER_SECOND + ",scale=" + LocalPerceptualModel.FRAME_WIDTH + ":"
                        + LocalPerceptualModel.FRAME_HEIGHT + ":flags=area,format=rgb24",
                "-f", "rawvideo", "pipe:1");
        return ProcessRunner.stream(command, timeout, stdout -> {
            double[][] sums = new double[windows.count()][VisualFeatures.DIMENSION];
            int[] counts = new int[windows.count()];
            VisualFeatures features = new VisualFeatures();
            DataInputStream in = new DataInputStream(stdout);
            byte[] frame = new byte[frameBytes];
            for (int index = 0; ; index++) {
                try {
                    in.readFully(frame);
                } catch (EOFException end) {
                    return new Sums(sums, counts);
                }
                float[] f = features.next(frame);
                int window = windows.indexOf((double) index / LocalPerceptualModel.FRAMES_PER_SECOND);
                for (int i = 0; i < f.length; i++) {
                    sums[window][i] += f[i];
                }
                counts[window]++;
            }
        });
    }
}
