package org.milkmobs.adapters.media.ffmpeg;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
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
        JsonObject probe = ffprobe(file);
        JsonObject format = probe.getJsonObject("format");
        String container = format == null ? "" : format.getString("format_name", "");
        JsonObject video = firstStream(probe, "video").orElseThrow(() -> rejected(FailureCode.INVALID_MEDIA,
                firstStream(probe, "audio").isPresent() ? "the file has audio but no video stream" : "the file has no video stream"));
        if (!CONTAINERS.contains(container)) {
            throw rejected(FailureCode.INVALID_MEDIA,
                    "'" + container + "' files are not accepted; upload an MP4, MOV, WebM, MKV or AVI video");
        }
        double duration = number(format, "duration").orElse(number(video, "duration").orElse(0.0));
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
        String audioCodec = firstStream(probe, "audio").map(a -> a.getString("codec_name", "unknown")).orElse(null);
        return new MediaFacts(container, video.getString("codec_name", "unknown"), audioCodec, duration, width, height, size,
                sha256(file));
    }

    private JsonObject ffprobe(Path file) {
        ProcessRunner.Result result = ProcessRunner.run(List.of(tools.ffprobe(), "-v", "error", "-print_format", "json",
                "-show_format", "-show_streams", file.toAbsolutePath().toString()), tools.timeout(), 4 * 1024 * 1024);
        if (!result.succeeded()) {
            throw rejected(FailureCode.INVALID_MEDIA, "the file is not a readable video (" + shorten(result.firstError(), file) + ")");
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(result.stdout()))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw rejected(FailureCode.INVALID_MEDIA, "the file is not a readable video");
        }
    }

    /** Demuxing without decoding reads every packet, which is fast and fails on a truncated file. */
    private void checkDemuxesToTheEnd(Path file, double duration) {
        Duration timeout = tools.timeout().plusSeconds((long) (duration / 20));
        ProcessRunner.Result result = ProcessRunner.run(List.of(tools.ffmpeg(), "-v", "error", "-xerror", "-nostdin",
                "-i", file.toAbsolutePath().toString(), "-map", "0", "-c", "copy", "-f", "null", "-"), timeout, 0);
        if (!result.succeeded() || !result.stderr().isBlank()) {
            throw rejected(FailureCode.INVALID_MEDIA, "the video is truncated or corrupt (" + shorten(result.firstError(), file) + ")");
        }
    }

    private static Optional<JsonObject> firstStream(JsonObject probe, String type) {
        if (!probe.containsKey("streams")) {
            return Optional.empty();
        }
        return probe.getJsonArray("streams").getValuesAs(JsonObject.class).stream()
                .filter(s -> type.equals(s.getString("codec_type", "")))
                // cover art in audio files is a one-frame "video" stream
                .filter(s -> !s.containsKey("disposition") || s.getJsonObject("disposition").getInt("attached_pic", 0) == 0)
                .findFirst();
    }

    private static Optional<Double> number(JsonObject object, String field) {
        if (object == null || !object.containsKey(field) || object.get(field).getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        try {
            double value = Double.parseDouble(object.getString(field));
            return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
        } catch (ClassCastException | NumberFormatException e) {
            return Optional.empty();
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

    /** Tool messages name the server's file path; the uploader has no business seeing it. */
    private static String shorten(String message, Path file) {
        String withoutPath = message.replace(file.toAbsolutePath().toString(), "the file").replace(file.toString(), "the file");
        return withoutPath.length() > 200 ? withoutPath.substring(0, 200) + "…" : withoutPath;
    }

    private static MediaRejectedException rejected(FailureCode code, String detail) {
        return new MediaRejectedException(new Failure(code, detail));
    }
}
