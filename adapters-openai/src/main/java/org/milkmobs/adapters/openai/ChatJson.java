package org.milkmobs.adapters.openai;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.milkmobs.application.port.in.gateway.GatewayUseCase.ChatCompletion;
import org.milkmobs.application.port.in.gateway.GatewayUseCase.ChatCompletionRequest;
import org.milkmobs.application.port.in.gateway.GatewayUseCase.ChatMessage;

/**
 * OpenAI's chat completion request, its answer, and its stream of {@code chat.completion.chunk}s. A message's
 * content is a string or an array of {@code {"type": "text", "text": …}} parts.
 */
final class ChatJson {

    /** The extension content part naming a stored Milk Mobs video, for Pegasus. */
    static final String VIDEO_PART = "milkmobs_video";

    private ChatJson() {
    }

    record Parsed(ChatCompletionRequest request, boolean stream) {
    }

    static Parsed request(JsonObject body) {
        String model = RequestJson.requiredString(body, "model");
        if (!(body.get("messages") instanceof JsonArray messages) || messages.isEmpty()) {
            throw GatewayRequestException.invalid("messages", "messages is required: a non-empty array");
        }
        List<ChatMessage> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (!(messages.get(i) instanceof JsonObject message) || !(message.get("role") instanceof JsonString role)) {
                throw GatewayRequestException.invalid("messages[" + i + "]", "a message is an object with a role and content");
            }
            String field = "messages[" + i + "].content";
            turns.add(new ChatMessage(role.getString(), content(message.get("content"), field), video(message.get("content"), field)));
        }
        Optional<Integer> maxTokens = integer(body, "max_completion_tokens").or(() -> integer(body, "max_tokens"));
        boolean stream = body.containsKey("stream") && body.get("stream") == JsonValue.TRUE;
        if (body.containsKey("n") && body.get("n") instanceof JsonNumber n && n.intValue() != 1) {
            throw GatewayRequestException.invalid("n", "only n=1 is supported");
        }
        if (body.containsKey("tools") && !body.isNull("tools")) {
            throw GatewayRequestException.invalid("tools", "tools are not supported by this gateway");
        }
        return new Parsed(new ChatCompletionRequest(model, turns, maxTokens, number(body, "temperature"), number(body, "top_p"),
                stop(body.get("stop"))), stream);
    }

    private static String content(JsonValue content, String field) {
        if (content instanceof JsonString text) {
            return text.getString();
        }
        if (content instanceof JsonArray parts) {
            StringBuilder text = new StringBuilder();
            for (JsonValue part : parts) {
                if (part instanceof JsonObject object && VIDEO_PART.equals(object.getString("type", null))) {
                    continue;
                }
                if (!(part instanceof JsonObject object) || !"text".equals(object.getString("type", null))) {
                    throw GatewayRequestException.invalid(field, "content parts are text, or (for Pegasus) {\"type\": \"" + VIDEO_PART
                            + "\", \"video_id\": \"…\"}");
                }
                text.append(object.getString("text", ""));
            }
            return text.toString();
        }
        throw GatewayRequestException.invalid(field, "a message's content is a string or an array of text parts");
    }

    /** The stored video a message names, in an extension content part. */
    private static Optional<String> video(JsonValue content, String field) {
        if (!(content instanceof JsonArray parts)) {
            return Optional.empty();
        }
        List<String> videos = parts.stream().filter(p -> p instanceof JsonObject o && VIDEO_PART.equals(o.getString("type", null)))
                .map(p -> p.asJsonObject().getString("video_id", "")).toList();
        if (videos.size() > 1 || videos.stream().anyMatch(String::isBlank)) {
            throw GatewayRequestException.invalid(field, "a message names at most one video, by its video_id");
        }
        return videos.stream().findFirst();
    }

    private static Optional<Integer> integer(JsonObject body, String field) {
        if (!body.containsKey(field) || body.isNull(field)) {
            return Optional.empty();
        }
        if (!(body.get(field) instanceof JsonNumber number) || !number.isIntegral()) {
            throw GatewayRequestException.invalid(field, field + " must be an integer");
        }
        return Optional.of(number.intValue());
    }

    private static Optional<Double> number(JsonObject body, String field) {
        if (!body.containsKey(field) || body.isNull(field)) {
            return Optional.empty();
        }
        if (!(body.get(field) instanceof JsonNumber number)) {
            throw GatewayRequestException.invalid(field, field + " must be a number");
        }
        return Optional.of(number.doubleValue());
    }

    private static List<String> stop(JsonValue stop) {
        if (stop == null || stop == JsonValue.NULL) {
            return List.of();
        }
        if (stop instanceof JsonString one) {
            return List.of(one.getString());
        }
        if (stop instanceof JsonArray many) {
            return many.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
        throw GatewayRequestException.invalid("stop", "stop is a string or an array of strings");
    }

    static JsonObject completion(String id, long created, ChatCompletion answer) {
        return Json.createObjectBuilder().add("id", id).add("object", "chat.completion").add("created", created).add("model", answer.model())
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder().add("index", 0)
                        .add("message", Json.createObjectBuilder().add("role", "assistant").add("content", answer.text()).addNull("refusal"))
                        .addNull("logprobs").add("finish_reason", answer.finishReason())))
                .add("usage", usage(answer)).build();
    }

    /** The first chunk of a streamed answer: the assistant's role, no content yet. */
    static JsonObject roleChunk(String id, long created, String model) {
        return chunk(id, created, model, Json.createObjectBuilder().add("role", "assistant").add("content", ""), null);
    }

    /** A piece of the answer's text, as the model wrote it. */
    static JsonObject textChunk(String id, long created, String model, String text) {
        return chunk(id, created, model, Json.createObjectBuilder().add("content", text), null);
    }

    /**
     * The closing chunks of a streamed answer: the finish reason, and last the usage in a chunk without choices (as
     * OpenAI sends it for {@code stream_options.include_usage}, here always); {@code [DONE]} follows them.
     */
    static List<JsonObject> closingChunks(String id, long created, ChatCompletion answer) {
        return List.of(
                chunk(id, created, answer.model(), Json.createObjectBuilder(), answer.finishReason()),
                Json.createObjectBuilder().add("id", id).add("object", "chat.completion.chunk").add("created", created)
                        .add("model", answer.model()).add("choices", Json.createArrayBuilder()).add("usage", usage(answer)).build());
    }

    private static JsonObject chunk(String id, long created, String model, JsonObjectBuilder delta, String finish) {
        JsonObjectBuilder choice = Json.createObjectBuilder().add("index", 0).add("delta", delta).addNull("logprobs");
        if (finish == null) {
            choice.addNull("finish_reason");
        } else {
            choice.add("finish_reason", finish);
        }
        return Json.createObjectBuilder().add("id", id).add("object", "chat.completion.chunk").add("created", created)
                .add("model", model).add("choices", Json.createArrayBuilder().add(choice)).addNull("usage").build();
    }

    private static JsonObject usage(ChatCompletion answer) {
        return Json.createObjectBuilder().add("prompt_tokens", answer.promptTokens()).add("completion_tokens", answer.completionTokens())
                .add("total_tokens", answer.promptTokens() + answer.completionTokens()).build();
    }
}
