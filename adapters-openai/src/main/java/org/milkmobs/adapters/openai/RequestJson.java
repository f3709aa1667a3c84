package org.milkmobs.adapters.openai;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body: JSON, an object, at most so many bytes. */
final class RequestJson {

    private RequestJson() {
    }

    static JsonObject object(InputStream body, int maxBytes) throws IOException {
        byte[] bytes = body.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new GatewayRequestException(new OpenAiError(413, "invalid_request_error", "request_too_large",
                    "the request body may have at most " + maxBytes + " bytes", null, java.util.Optional.empty(), false));
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            return reader.readObject();
        } catch (JsonParsingException | IllegalStateException e) {
            throw GatewayRequestException.invalid(null, "the request body is not a JSON object: " + e.getMessage());
        } catch (JsonException e) {
            throw GatewayRequestException.invalid(null, "the request body is not valid JSON");
        }
    }

    static String requiredString(JsonObject body, String field) {
        if (!(body.get(field) instanceof JsonString text) || text.getString().isBlank()) {
            throw GatewayRequestException.invalid(field, field + " is required and must be a string");
        }
        return text.getString();
    }
}
