package org.milkmobs.adapters.media.ffmpeg;

import java.time.Duration;
import java.util.Objects;

/** Where ffmpeg and ffprobe are, and how long one call may take before it is killed. */
public record FfmpegTools(String ffmpeg, String ffprobe, Duration timeout) {

    public FfmpegTools {
        Objects.requireNonNull(ffmpeg, "ffmpeg");
        Objects.requireNonNull(ffprobe, "ffprobe");
        Objects.requireNonNull(timeout, "timeout");
    }

    public static FfmpegTools onPath() {
        return new FfmpegTools("ffmpeg", "ffprobe", Duration.ofSeconds(120));
    }
}
