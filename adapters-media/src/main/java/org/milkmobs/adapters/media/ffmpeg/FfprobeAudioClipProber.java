package org.milkmobs.adapters.media.ffmpeg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private static final String OUT_TIME = "out_time_us=";

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
            double declared = report.firstStream("audio")
                    .map(sound -> FfprobeReport.duration(report.format(), sound).orElse(0.0))
                    .orElseThrow(FfprobeAudioClipProber::notAudio);
            double seconds = Math.max(declared, demuxedSeconds(file));
            if (!(seconds > 0)) {
                throw rejected(FailureCode.INVALID_MEDIA, "the audio clip's duration cannot be read");
            }
            if (seconds > maxSeconds) {
                throw rejected(FailureCode.MEDIA_LIMIT_EXCEEDED,
                        "the audio clip lasts %.1f s; a search clip may last at most %.0f s".formatted(seconds, maxSeconds));
            }
            return new AudioClip(clip, seconds);
        } finally {
            deleteQuietly(file);
        }
    }

    /**
     * How far the sound's packets really reach. A header's duration can be an estimate (MP3 and ADTS
     * streams without an index are timed from their bitrate), and the model is charged for what it decodes;
     * reading the packets without decoding them is quick. Zero when the packets cannot be read.
     */
    private double demuxedSeconds(Path file) {
        ProcessRunner.Result result = ProcessRunner.run(List.of(tools.ffmpeg(), "-v", "error", "-nostdin", "-i",
                file.toAbsolutePath().toString(), "-map", "0:a:0", "-c", "copy", "-f", "null", "-progress", "pipe:1", "-nostats", "-"),
                tools.timeout(), 1024 * 1024);
        if (!result.succeeded()) {
            return 0;
        }
        return new String(result.stdout(), StandardCharsets.US_ASCII).lines()
                .filter(line -> line.startsWith(OUT_TIME))
                .reduce((first, last) -> last)
                .map(line -> parseMicros(line.substring(OUT_TIME.length())) / 1e6)
                .orElse(0.0);
    }

    private static double parseMicros(String value) {
        try {
            return Math.max(0, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return 0;  // ffmpeg writes N/A before the first packet
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
