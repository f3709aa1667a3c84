package org.milkmobs.adapters.rest.upload;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.adapters.rest.problem.InvalidRequestException;

/**
 * A media file a client sent, within its size cap, with the request's other fields: from multipart/form-data (text
 * fields beside the file part) or from a JSON object (the file in base64 under the part's name). The file is read out
 * last ({@link #file()}), so a resource checks the other fields first, whichever way the request came.
 */
public sealed interface MediaUpload {

    /**
     * The file's bytes, at most the cap.
     *
     * @throws InvalidRequestException when it is missing, empty or not base64
     * @throws org.milkmobs.adapters.rest.problem.PayloadTooLargeException when it is over the cap
     */
    byte[] file();

    /** The JSON body, when the upload came as JSON. */
    Optional<JsonObject> json();

    /** The multipart text fields by name, when the upload came as multipart. */
    Optional<Map<String, List<String>>> fields();

    /** From multipart/form-data: the file part (absent when the client sent none) and the text fields. */
    record Multipart(Optional<byte[]> bytes, Map<String, List<String>> textFields, String part) implements MediaUpload {

        @Override
        public byte[] file() {
            return bytes.orElseThrow(() -> new InvalidRequestException(part, "a multipart part named '" + part + "' with the file is required"));
        }

        @Override
        public Optional<JsonObject> json() {
            return Optional.empty();
        }

        @Override
        public Optional<Map<String, List<String>>> fields() {
            return Optional.of(textFields);
        }
    }

    /** From JSON: the body, with the file in base64 under {@code part}. */
    record Json(JsonObject body, String part, int maxBytes) implements MediaUpload {

        @Override
        public byte[] file() {
            jakarta.json.JsonValue value = body.get(part);
            if (value == null || value.getValueType() == jakarta.json.JsonValue.ValueType.NULL) {
                throw new InvalidRequestException(part, part + " is required");
            }
            if (value.getValueType() != jakarta.json.JsonValue.ValueType.STRING) {
                throw new InvalidRequestException(part, part + " must be a string");
            }
            return MediaUploads.base64(part, ((jakarta.json.JsonString) value).getString(), maxBytes);
        }

        @Override
        public Optional<JsonObject> json() {
            return Optional.of(body);
        }

        @Override
        public Optional<Map<String, List<String>>> fields() {
            return Optional.empty();
        }
    }
}
