package org.milkmobs.adapters.media.ffmpeg;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** ffprobe's JSON report of a file's container and streams, and the readings of it the probers share. */
final class FfprobeReport {

    private static final int MAX_REPORT_BYTES = 4 * 1024 * 1024;

    private final JsonObject json;

    private FfprobeReport(JsonObject json) {
        this.json = json;
    }

    /**
     * @param unreadable makes the exception to throw when ffprobe cannot read the file, from its first error
     *                   line (the server's path to the file replaced)
     */
    static FfprobeReport of(FfmpegTools tools, Path file, Function<String, RuntimeException> unreadable) {
        ProcessRunner.Result result = ProcessRunner.run(List.of(tools.ffprobe(), "-v", "error", "-print_format", "json",
                "-show_format", "-show_streams", file.toAbsolutePath().toString()), tools.timeout(), MAX_REPORT_BYTES);
        if (!result.succeeded()) {
            throw unreadable.apply(shorten(result.firstError(), file));
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(result.stdout()))) {
            return new FfprobeReport(reader.readObject());
        } catch (RuntimeException e) {
            throw unreadable.apply("ffprobe's report could not be read");
        }
    }

    /** The container's facts; empty when ffprobe named none. */
    Optional<JsonObject> format() {
        return json.containsKey("format") && json.get("format").getValueType() == JsonValue.ValueType.OBJECT
                ? Optional.of(json.getJsonObject("format")) : Optional.empty();
    }

    /** The first stream of {@code type} ("video", "audio"), not counting an audio file's cover art. */
    Optional<JsonObject> firstStream(String type) {
        if (!json.containsKey("streams")) {
            return Optional.empty();
        }
        return json.getJsonArray("streams").getValuesAs(JsonObject.class).stream()
                .filter(s -> type.equals(s.getString("codec_type", "")))
                // cover art in audio files is a one-frame "video" stream
                .filter(s -> !s.containsKey("disposition") || s.getJsonObject("disposition").getInt("attached_pic", 0) == 0)
                .findFirst();
    }

    /** The duration of the container, else of {@code stream}; ffprobe writes numbers as strings. */
    static Optional<Double> duration(Optional<JsonObject> format, JsonObject stream) {
        return format.flatMap(f -> number(f, "duration")).or(() -> number(stream, "duration"));
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

    /** Tool messages name the server's file path; the uploader has no business seeing it. */
    static String shorten(String message, Path file) {
        String withoutPath = message.replace(file.toAbsolutePath().toString(), "the file").replace(file.toString(), "the file");
        return withoutPath.length() > 200 ? withoutPath.substring(0, 200) + "…" : withoutPath;
    }
}
