package org.milkmobs.adapters.media.ffmpeg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.milkmobs.application.port.out.media.AudioClip;
import org.milkmobs.application.port.out.media.AudioClipProber;
import org.milkmobs.application.port.out.media.MediaRejectedException;
import org.milkmobs.domain.video.Failure;
import org.milkmobs.domain.video.FailureCode;

/**
 * Probes a search query's audio clip with ffprobe: any file ffmpeg reads with a sound stream (a video's
 * sound too), lasting at most {@code maxSeconds}. The cap bounds what one query can cost: ten megabytes of
 * low-bitrate speech can last hours, and Marengo charges audio by the second.
 */
public final class FfprobeAudioClipProber implements AudioClipProber {

    private final FfmpegTools tools;
    private final double maxSeconds;

    public FfprobeAudioClipProber(FfmpegTools tools, double maxSeconds) {
        if (!(maxSeconds > 0) || !Double.isFinite(maxSeconds)) {
            throw new IllegalArgumentException("an audio clip's longest duration is a positive number of seconds, not " + maxSeconds);
        }
        this.tools = tools;
        this.maxSeconds = maxSeconds;
    }

    @Override
    public AudioClip probe(byte[] clip) {
        if (clip == null || clip.length == 0) {
            throw rejected(FailureCode.INVALID_MEDIA, "the audio clip is empty");
        }
        Path file = stage(clip);
        try {
            FfprobeReport report = FfprobeReport.of(tools, file, error -> notAudio());
            double seconds = report.firstStream("audio")
                    .map(sound -> FfprobeReport.duration(report.format(), sound)
                            .filter(duration -> duration > 0)
                            .orElseThrow(() -> rejected(FailureCode.INVALID_MEDIA, "the audio clip's duration cannot be read")))
                    .orElseThrow(FfprobeAudioClipProber::notAudio);
            if (seconds > maxSeconds) {
                throw rejected(FailureCode.MEDIA_LIMIT_EXCEEDED,
                        "the audio clip lasts %.1f s; a search clip may last at most %.0f s".formatted(seconds, maxSeconds));
            }
            return new AudioClip(clip, seconds);
        } finally {
            deleteQuietly(file);
        }
    }

    private static Path stage(byte[] clip) {
        Path file = null;
        try {
            file = Files.createTempFile("milkmobs-query-", ".audio");
            Files.write(file, clip);
            return file;
        } catch (IOException e) {
            if (file != null) {
                deleteQuietly(file);
            }
            throw new UncheckedIOException("cannot stage the audio clip for ffprobe", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    private static MediaRejectedException notAudio() {
        return rejected(FailureCode.INVALID_MEDIA,
                "the upload is not audio (any format ffmpeg reads: WAV, MP3, AAC, Ogg, FLAC, or a video's sound)");
    }

    private static MediaRejectedException rejected(FailureCode code, String detail) {
        return new MediaRejectedException(new Failure(code, detail));
    }
}
