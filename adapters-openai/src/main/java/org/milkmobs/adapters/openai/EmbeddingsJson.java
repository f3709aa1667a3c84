package org.milkmobs.adapters.openai;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.milkmobs.application.port.in.gateway.GatewayUseCase.EmbeddingInput;
import org.milkmobs.application.port.in.gateway.GatewayUseCase.Embeddings;
import org.milkmobs.application.port.in.gateway.GatewayUseCase.EmbeddingsRequest;

/**
 * OpenAI's embeddings request and response. {@code input} is a string or an array of strings; as an
 * extension an array item may be an image, {@code {"type": "image_url", "image_url": {"url": "data:image/png;base64,…"}}} or
 * with an {@code https://} URL.
 */
final class EmbeddingsJson {

    /** OpenAI's own limit on the items of one request. */
    static final int MAX_INPUTS = 2048;

    private EmbeddingsJson() {
    }

    enum Encoding { FLOAT, BASE64 }

    record Parsed(EmbeddingsRequest request, Encoding encoding) {
    }

    static Parsed request(JsonObject body) {
        String model = RequestJson.requiredString(body, "model");
        JsonValue input = body.get("input");
        if (input == null || input.getValueType() == JsonValue.ValueType.NULL) {
            throw GatewayRequestException.invalid("input", "input is required: a string or an array of strings");
        }
        List<EmbeddingInput> inputs = new ArrayList<>();
        if (input instanceof JsonString text) {
            inputs.add(new EmbeddingInput.Text(text.getString()));
        } else if (input instanceof JsonArray items) {
            if (items.size() > MAX_INPUTS) {
                throw GatewayRequestException.invalid("input", "input may hold at most " + MAX_INPUTS + " items, got " + items.size());
            }
            for (JsonValue item : items) {
                inputs.add(item(item));
            }
        } else {
            throw GatewayRequestException.invalid("input", "input must be a string or an array of strings");
        }
        Optional<Integer> dimensions = Optional.empty();
        if (body.containsKey("dimensions") && !body.isNull("dimensions")) {
            if (!(body.get("dimensions") instanceof JsonNumber number) || !number.isIntegral() || number.intValue() < 1) {
                throw GatewayRequestException.invalid("dimensions", "dimensions must be a positive integer");
            }
            dimensions = Optional.of(number.intValue());
        }
        String format = body.containsKey("encoding_format") && !body.isNull("encoding_format")
                ? RequestJson.requiredString(body, "encoding_format") : "float";
        Encoding encoding = switch (format) {
            case "float" -> Encoding.FLOAT;
            case "base64" -> Encoding.BASE64;
            default -> throw GatewayRequestException.invalid("encoding_format", "encoding_format must be 'float' or 'base64', got '" + format + "'");
        };
        return new Parsed(new EmbeddingsRequest(model, inputs, dimensions), encoding);
    }

    private static EmbeddingInput item(JsonValue item) {
        if (item instanceof JsonString text) {
            return new EmbeddingInput.Text(text.getString());
        }
        if (item instanceof JsonObject object && "image_url".equals(object.getString("type", null))) {
            JsonValue reference = object.get("image_url");
            String url = reference instanceof JsonObject withUrl ? withUrl.getString("url", null)
                    : reference instanceof JsonString plain ? plain.getString() : null;
            return DataUrls.image(url);
        }
        if (item instanceof JsonNumber || item instanceof JsonArray) {
            throw GatewayRequestException.invalid("input", "token arrays are not supported: Marengo tokenises text itself, send strings");
        }
        throw GatewayRequestException.invalid("input", "an input item is a string or {\"type\":\"image_url\",\"image_url\":{\"url\":\"https://… or data:…\"}}");
    }

    static void write(Embeddings answer, Encoding encoding, Writer out) {
        try (JsonGenerator json = Json.createGenerator(out)) {
            json.writeStartObject().write("object", "list").writeStartArray("data");
            for (int i = 0; i < answer.vectors().size(); i++) {
                json.writeStartObject().write("object", "embedding").write("index", i);
                float[] vector = answer.vectors().get(i);
                if (encoding == Encoding.BASE64) {
                    json.write("embedding", base64(vector));
                } else {
                    json.writeStartArray("embedding");
                    for (float v : vector) {
                        // the float's shortest decimal form, not the double's long one
                        json.write(new BigDecimal(Float.toString(v)));
                    }
                    json.writeEnd();
                }
                json.writeEnd();
            }
            json.writeEnd().write("model", answer.model()).writeStartObject("usage")
                    .write("prompt_tokens", answer.promptTokens()).write("total_tokens", answer.promptTokens()).writeEnd();
            json.writeEnd();
        }
    }

    /** OpenAI's base64 encoding: the vector's little-endian float32 bytes. */
    static String base64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
            bytes.putFloat(v);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
