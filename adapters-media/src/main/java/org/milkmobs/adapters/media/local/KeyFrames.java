package org.milkmobs.adapters.media.local;

import java.io.DataInputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.milkmobs.adapters.media.ffmpeg.FfmpegTools;
import org.milkmobs.adapters.media.ffmpeg.ProcessRunner;
import org.milkmobs.domain.video.MediaFacts;

/**
 * Up to {@code count} key frames spread over the video, as greyscale PGM images for OCR. Only key frames
 * are decoded (no full decode), which makes this cheap whatever the video's length; captions last long
 * enough to be on a key frame.
 */
final class KeyFrames {

    private static final int MAX_WIDTH = 960;

    private KeyFrames() {
    }

    static List<byte[]> grey(FfmpegTools tools, Path video, MediaFacts facts, int count, Duration timeout) {
        int width = Math.min(MAX_WIDTH, facts.width()) / 2 * 2;
        int height = Math.max(2, (int) Math.round((double) facts.height() * width / facts.width()) / 2 * 2);
        double interval = Math.max(0.5, facts.durationSeconds() / count);
        String select = String.format(Locale.ROOT, "select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,%.3f)'", interval);
        List<String> command = List.of(tools.ffmpeg(), "-v", "error", "-nostdin", "-skip_frame", "nokey",
                "-i", video.toAbsolutePath().toString(), "-an", "-sn", "-dn",
                "-vf", select + ",scale=" + width + ":" + height + ",format=gray",
                "-fps_mode", "vfr", "-frames:v", Integer.toString(count), "-f", "rawvideo", "pipe:1");
        byte[] header = ("P5\n" + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII);
        return ProcessRunner.stream(command, timeout, stdout -> {
            List<byte[]> frames = new ArrayList<>();
            DataInputStream in = new DataInputStream(stdout);
            while (true) {
                byte[] pgm = new byte[header.length + width * height];
                System.arraycopy(header, 0, pgm, 0, header.length);
                try {
                    in.readFully(pgm, header.length, width * height);
                } catch (EOFException end) {
                    return frames;
                }
                frames.add(pgm);
            }
        });
    }
}
