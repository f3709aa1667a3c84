package org.milkmobs.adapters.openai;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.milkmobs.application.port.in.gateway.GatewayUseCase.ChatCompletion;

/**
 * A chat answer streamed as OpenAI streams it: server-sent events, one {@code data:} line per chunk, then
 * {@code data: [DONE]}. The response starts only with the first piece of text, so a request refused before the
 * model wrote anything is still answered with an ordinary error status; a failure after that can only be told
 * inside the stream, as OpenAI does, by an {@code error} event.
 */
final class ChatStream {

    private final HttpServletResponse response;
    private final String id;
    private final long created;
    private final String model;
    private PrintWriter out;

    ChatStream(HttpServletResponse response, String id, long created, String model) {
        this.response = response;
        this.id = id;
        this.created = created;
        this.model = model;
    }

    /** Called by the model's thread for each piece of text. */
    synchronized void text(String piece) {
        start();
        send(ChatJson.textChunk(id, created, model, piece));
    }

    synchronized void finish(ChatCompletion answer) {
        start();
        ChatJson.closingChunks(id, created, answer).forEach(this::send);
        out.write("data: [DONE]\n\n");
        out.flush();
    }

    synchronized void fail(OpenAiError error) {
        send(Json.createObjectBuilder().add("error", error.toJson().getJsonObject("error")).build());
        out.flush();
    }

    synchronized boolean started() {
        return out != null;
    }

    private void start() {
        if (out != null) {
            return;
        }
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-cache");
        try {
            out = response.getWriter();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        send(ChatJson.roleChunk(id, created, model));
    }

    private void send(JsonObject chunk) {
        out.write("data: " + chunk + "\n\n");
        out.flush();
    }
}
