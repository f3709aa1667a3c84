package org.milkmobs.adapters.media.ffmpeg;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.milkmobs.application.port.out.media.MediaLimits;
import org.milkmobs.application.port.out.media.MediaProber;
import org.milkmobs.application.port.out.media.MediaRejectedException;
import org.milkmobs.domain.video.ContentHash;
import org.milkmobs.domain.video.Failure;
import org.milkmobs.domain.video.FailureCode;
import org.milkmobs.domain.video.MediaFacts;

/**
 * Probes uploads with ffprobe, checks they demux to the end with ffmpeg (which catches truncated and
 * corrupt files that ffprobe's header read accepts), enforces the limits, and hashes the bytes.
 * The content decides what a file is, never its name or claimed type.
 */
public final class FfprobeMediaProber implements MediaProber {

    private static final Logger LOG = Logger.getLogger(FfprobeMediaProber.class.getName());

    /** Containers both our analyzers and browsers handle; ffprobe names them this way. */
    private static final Set<String> CONTAINERS = Set.of("mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "avi");

    private final FfmpegTools tools;
    private final MediaLimits limits;

    public FfprobeMediaProber(FfmpegTools tools, MediaLimits limits) {
        this.tools = tools;
        this.limits = limits;
    }

    @Override
    public MediaFacts probe(Path file) {
        long size = sizeOf(file);
        if (size == 0) {
            throw rejected(FailureCode.INVALID_MEDIA, "the uploaded file is empty");
        }
        if (size > limits.maxBytes()) {
            throw rejected(FailureCode.MEDIA_LIMIT_EXCEEDED,
                    "the file has " + size + " bytes; the limit is " + limits.maxBytes());
        }
        FfprobeReport probe = FfprobeReport.of(tools, file,
                error -> toolRefused("the file is not a readable video: no known video format could be read from it", "ffprobe", error));
        Optional<JsonObject> format = probe.format();
        String container = format.map(f -> f.getString("format_name", "")).orElse("");
        JsonObject video = probe.firstStream("video").orElseThrow(() -> rejected(FailureCode.INVALID_MEDIA,
                probe.firstStream("audio").isPresent() ? "the file has audio but no video stream" : "the file has no video stream"));
        if (!CONTAINERS.contains(container)) {
            throw rejected(FailureCode.INVALID_MEDIA,
                    "'" + container + "' files are not accepted; upload an MP4, MOV, WebM, MKV or AVI video");
        }
        double duration = FfprobeReport.duration(format, video).orElse(0.0);
        if (duration <= 0) {
            throw rejected(FailureCode.INVALID_MEDIA, "the video has no duration (is it a still image?)");
        }
        if (duration < limits.minDurationSeconds()) {
            throw rejected(FailureCode.MEDIA_LIMIT_EXCEEDED,
                    "the video lasts %.1f s; it must last at least %.0f s".formatted(duration, limits.minDurationSeconds()));
        }
        if (duration > limits.maxDurationSeconds()) {
            throw rejected(FailureCode.MEDIA_LIMIT_EXCEEDED,
                    "the video lasts %.0f s; the limit is %.0f s".formatted(duration, limits.maxDurationSeconds()));
        }
        int width = video.getInt("width", 0);
        int height = video.getInt("height", 0);
        if (width <= 0 || height <= 0) {
            throw rejected(FailureCode.INVALID_MEDIA, "the video stream has no picture size");
        }
        checkDemuxesToTheEnd(file, duration);
        String audioCodec = probe.firstStream("audio").map(a -> a.getString("codec_name", "unknown")).orElse(null);
        return new MediaFacts(container, video.getString("codec_name", "unknown"), audioCodec, duration, width, height, size,
                sha256(file));
    }

    /** Demuxing without decoding reads every packet, which is fast and fails on a truncated file. */
    private void checkDemuxesToTheEnd(Path file, double duration) {
        Duration timeout = tools.timeout().plusSeconds((long) (duration / 20));
        ProcessRunner.Result result = ProcessRunner.run(List.of(tools.ffmpeg(), "-v", "error", "-xerror", "-nostdin",
                "-i", file.toAbsolutePath().toString(), "-map", "0", "-c", "copy", "-f", "null", "-"), timeout, 0);
        if (!result.succeeded() || !result.stderr().isBlank()) {
            throw toolRefused("the video is truncated or corrupt: it ends before its own length, or a part of it cannot be read; "
                    + "upload the whole file again", "ffmpeg", FfprobeReport.shorten(result.firstError(), file));
        }
    }

    private static ContentHash sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return new ContentHash(HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The uploader gets the reason in words; ffmpeg's own text (with its memory addresses and codec internals) is
     * for the operator's log.
     */
    private static MediaRejectedException toolRefused(String reason, String tool, String toolText) {
        LOG.log(Level.INFO, "{0} refused an upload: {1}", new Object[] {tool, toolText});
        return rejected(FailureCode.INVALID_MEDIA, reason);
    }

    private static MediaRejectedException rejected(FailureCode code, String detail) {
        return new MediaRejectedException(new Failure(code, detail));
    }
}
