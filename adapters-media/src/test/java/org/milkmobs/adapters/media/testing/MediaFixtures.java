package org.milkmobs.adapters.media.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real media files made with ffmpeg's synthetic sources (no files to ship), and broken ones made from
 * them. Shared with other modules' tests through this module's test-jar.
 */
public final class MediaFixtures {

    private MediaFixtures() {
    }

    /** A test-pattern video with a sine tone: {@code seconds} long, {@code width}x{@code height}. */
    public static Path video(Path dir, String name, double seconds, int width, int height) {
        return ffmpeg(dir.resolve(name + ".mp4"), List.of(
                "-f", "lavfi", "-i", "testsrc2=size=%dx%d:rate=25:duration=%s".formatted(width, height, seconds),
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=" + seconds,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                "-movflags", "+faststart"));
    }

    /** A short video with sound, the usual upload. */
    public static Path video(Path dir, String name) {
        return video(dir, name, 3, 320, 240);
    }

    /** {@code blackSeconds} of black, then a colourful test pattern: a naive first-frame thumbnail is black. */
    public static Path blackOpening(Path dir, String name, double blackSeconds, double patternSeconds) {
        return ffmpeg(dir.resolve(name + ".mp4"), List.of(
                "-f", "lavfi", "-i", "color=c=black:size=320x240:rate=25:duration=" + blackSeconds,
                "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=" + patternSeconds,
                "-filter_complex", "[0:v][1:v]concat=n=2:v=1:a=0[v]", "-map", "[v]",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"));
    }

    /** A 1280×720 video with {@code caption} drawn near the bottom, as trend videos carry their challenge's name. */
    public static Path captioned(Path dir, String name, String caption, double seconds, String audioSource) {
        return ffmpeg(dir.resolve(name + ".mp4"), List.of(
                "-f", "lavfi", "-t", Double.toString(seconds), "-i", "testsrc2=size=1280x720:rate=25",
                "-f", "lavfi", "-t", Double.toString(seconds), "-i", audioSource,
                "-vf", "drawtext=fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf:text='" + caption
                        + "':fontsize=72:fontcolor=white:box=1:boxcolor=black@0.7:boxborderw=12:x=(w-tw)/2:y=h-150",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"));
    }

    public static Path silentVideo(Path dir, String name, double seconds) {
        return ffmpeg(dir.resolve(name + ".mp4"), List.of(
                "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=" + seconds,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"));
    }

    public static Path audioOnly(Path dir, String name) {
        return ffmpeg(dir.resolve(name + ".m4a"), List.of(
                "-f", "lavfi", "-i", "sine=frequency=440:duration=3", "-c:a", "aac"));
    }

    public static Path stillImage(Path dir, String name) {
        return ffmpeg(dir.resolve(name + ".png"), List.of(
                "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=1:duration=1", "-frames:v", "1"));
    }

    /** The first {@code fraction} of a valid video's bytes, as an interrupted upload leaves it. */
    public static Path truncated(Path dir, String name, Path valid, double fraction) {
        try {
            byte[] bytes = Files.readAllBytes(valid);
            return Files.write(dir.resolve(name + ".mp4"), java.util.Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path textRenamedMp4(Path dir, String name) {
        try {
            return Files.writeString(dir.resolve(name + ".mp4"), "this is not a video, whatever the name says\n".repeat(100),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path empty(Path dir, String name) {
        try {
            return Files.write(dir.resolve(name + ".mp4"), new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs ffmpeg with {@code arguments} writing {@code output}; fails the test if ffmpeg fails. */
    public static Path ffmpeg(Path output, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-nostdin", "-y"));
        command.addAll(arguments);
        command.add(output.toString());
        try {
            Files.createDirectories(output.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg failed for " + output + ": " + out);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
