package org.milkmobs.adapters.openai;

/** A request the gateway refuses at its edge (malformed JSON, no key, a rate limit), with its OpenAI error. */
final class GatewayRequestException extends RuntimeException {

    private final transient OpenAiError error;

    GatewayRequestException(OpenAiError error) {
        super(error.message());
        this.error = error;
    }

    static GatewayRequestException invalid(String param, String message) {
        return new GatewayRequestException(OpenAiError.invalidRequest(null, param, message));
    }

    OpenAiError error() {
        return error;
    }
}
