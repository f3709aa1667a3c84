package org.milkmobs.adapters.openai;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.Optional;

/**
 * An error as OpenAI answers it, {@code {"error": {"message", "type", "param", "code"}}}, with its HTTP status,
 * and whether a client should retry ({@code x-should-retry}, which OpenAI's SDKs obey) and after how long.
 */
record OpenAiError(int status, String type, String code, String message, String param, Optional<Duration> retryAfter, boolean retryable) {

    static OpenAiError invalidRequest(String code, String param, String message) {
        return new OpenAiError(400, "invalid_request_error", code, message, param, Optional.empty(), false);
    }

    JsonObject toJson() {
        JsonObjectBuilder error = Json.createObjectBuilder().add("message", message).add("type", type);
        if (param == null) {
            error.addNull("param");
        } else {
            error.add("param", param);
        }
        if (code == null) {
            error.addNull("code");
        } else {
            error.add("code", code);
        }
        return Json.createObjectBuilder().add("error", error).build();
    }

    /** Whole seconds, rounded up, at least 1. */
    Optional<String> retryAfterHeader() {
        return retryAfter.map(wait -> String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000)));
    }
}
