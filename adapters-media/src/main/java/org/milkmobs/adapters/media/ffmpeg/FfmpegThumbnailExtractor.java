package org.milkmobs.adapters.media.ffmpeg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.milkmobs.application.port.out.media.ThumbnailExtractor;
import org.milkmobs.domain.video.MediaFacts;

/**
 * Picks the thumbnail with ffmpeg's {@code thumbnail} filter: of frames sampled evenly across the video,
 * the one closest to the average colour histogram, which a black or blank opening frame never is.
 * Long videos sample key frames only, so the cost does not grow with their length.
 */
public final class FfmpegThumbnailExtractor implements ThumbnailExtractor {

    private static final int SAMPLES = 40;
    private static final double DECODE_EVERY_FRAME_UP_TO_SECONDS = 120;

    private final FfmpegTools tools;

    public FfmpegThumbnailExtractor(FfmpegTools tools) {
        this.tools = tools;
    }

    @Override
    public byte[] extractJpeg(Path video, MediaFacts facts) {
        double duration = Math.max(facts.durationSeconds(), 0.1);
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg(), "-v", "error", "-nostdin"));
        if (duration > DECODE_EVERY_FRAME_UP_TO_SECONDS) {
            command.addAll(List.of("-skip_frame", "nokey"));
        }
        String sampling = duration > DECODE_EVERY_FRAME_UP_TO_SECONDS ? ""
                : "fps=%s,".formatted(String.format(Locale.ROOT, "%.4f", SAMPLES / duration));
        command.addAll(List.of("-i", video.toAbsolutePath().toString(),
                "-vf", sampling + "thumbnail=" + SAMPLES + ",scale='min(640,iw)':-2",
                "-frames:v", "1", "-fps_mode", "vfr", "-c:v", "mjpeg", "-q:v", "3", "-f", "image2pipe", "pipe:1"));
        ProcessRunner.Result result = ProcessRunner.run(command, tools.timeout(), 8 * 1024 * 1024);
        if (!result.succeeded() || result.stdout().length == 0) {
            throw new IllegalStateException("ffmpeg made no thumbnail: " + result.firstError());
        }
        return result.stdout();
    }
}
