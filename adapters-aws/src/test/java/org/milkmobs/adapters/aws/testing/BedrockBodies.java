package org.milkmobs.adapters.aws.testing;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;
import org.milkmobs.adapters.aws.testing.BedrockDouble.Invalid;

/** The double's reading of request bodies: what Bedrock accepts, and the ValidationException for the rest. */
final class BedrockBodies {

    private BedrockBodies() {
    }

    enum Marengo {
        V3_0(512), V2_7(1024);

        private final int dimension;

        Marengo(int dimension) {
            this.dimension = dimension;
        }

        int dimension() {
            return dimension;
        }
    }

    record MarengoInput(String type, String text, JsonObject mediaSource, int segmentSeconds, List<String> options, Set<String> scopes) {
    }

    record PegasusInput(String prompt, JsonObject mediaSource, int maxOutputTokens) {
    }

    static Marengo marengo(String modelId) {
        if (modelId.endsWith("twelvelabs.marengo-embed-3-0-v1:0")) {
            return Marengo.V3_0;
        }
        if (modelId.endsWith("twelvelabs.marengo-embed-2-7-v1:0")) {
            return Marengo.V2_7;
        }
        throw new Invalid("The provided model identifier is invalid: " + modelId);
    }

    static JsonObject object(byte[] body) {
        try (var reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new Invalid("Malformed input request, please reformat your input and try again.");
        }
    }

    static MarengoInput marengoInput(Marengo version, JsonObject body) {
        String type = string(body, "inputType");
        if (!Set.of("text", "image", "text_image", "video", "audio").contains(type)) {
            throw new Invalid("inputType must be one of text, image, text_image, video, audio; got " + type);
        }
        if (type.equals("text_image") && version != Marengo.V3_0) {
            throw new Invalid("inputType text_image is not supported by this model");
        }
        return version == Marengo.V3_0 ? marengo3(type, body) : marengo27(type, body);
    }

    /** 3.0: the input sits under a key named after its type. */
    private static MarengoInput marengo3(String type, JsonObject body) {
        requireOnly(body, Set.of("inputType", type));
        if (!body.containsKey(type) || body.get(type).getValueType() != JsonValue.ValueType.OBJECT) {
            throw new Invalid("#: required key [" + type + "] not found");
        }
        JsonObject input = body.getJsonObject(type);
        switch (type) {
            case "text" -> {
                requireOnly(input, Set.of("inputText"));
                String text = string(input, "inputText");
                if (text.isBlank()) {
                    throw new Invalid("#/text/inputText: expected minLength: 1");
                }
                return new MarengoInput(type, text, null, 0, List.of(), Set.of());
            }
            case "image" -> {
                requireOnly(input, Set.of("mediaSource"));
                return new MarengoInput(type, null, mediaSource(input), 0, List.of(), Set.of());
            }
            case "text_image" -> {
                requireOnly(input, Set.of("inputText", "mediaSource"));
                String text = string(input, "inputText");
                if (text.isBlank()) {
                    throw new Invalid("#/text_image/inputText: expected minLength: 1");
                }
                return new MarengoInput(type, text, mediaSource(input), 0, List.of(), Set.of());
            }
            default -> {
                requireOnly(input, Set.of("mediaSource", "startSec", "endSec", "segmentation", "embeddingOption", "embeddingType",
                        "embeddingScope"));
                int segment = 6;
                if (input.containsKey("segmentation")) {
                    JsonObject segmentation = input.getJsonObject("segmentation");
                    if (!"fixed".equals(segmentation.getString("method", "")) && !"dynamic".equals(segmentation.getString("method", ""))) {
                        throw new Invalid("#/" + type + "/segmentation/method: fixed or dynamic");
                    }
                    if (segmentation.containsKey("fixed")) {
                        segment = integer(segmentation.getJsonObject("fixed"), "durationSec", 1, 10);
                    }
                }
                List<String> options = strings(input, "embeddingOption", Set.of("visual", "audio", "transcription"),
                        "video".equals(type) ? List.of("visual", "audio", "transcription") : List.of("audio"));
                List<String> scopes = strings(input, "embeddingScope", Set.of("clip", "asset"), List.of("clip", "asset"));
                strings(input, "embeddingType", Set.of("separate_embedding", "fused_embedding"), List.of("separate_embedding"));
                return new MarengoInput(type, null, mediaSource(input), segment, options, Set.copyOf(scopes));
            }
        }
    }

    /** 2.7: flat. */
    private static MarengoInput marengo27(String type, JsonObject body) {
        switch (type) {
            case "text" -> {
                requireOnly(body, Set.of("inputType", "inputText", "textTruncate"));
                return new MarengoInput(type, string(body, "inputText"), null, 0, List.of(), Set.of());
            }
            case "image" -> {
                requireOnly(body, Set.of("inputType", "mediaSource"));
                return new MarengoInput(type, null, mediaSource(body), 0, List.of(), Set.of());
            }
            default -> {
                requireOnly(body, Set.of("inputType", "mediaSource", "startSec", "lengthSec", "useFixedLengthSec", "minClipSec",
                        "embeddingOption"));
                int segment = body.containsKey("useFixedLengthSec") ? integer(body, "useFixedLengthSec", 2, 10) : 6;
                List<String> options = "video".equals(type)
                        ? strings(body, "embeddingOption", Set.of("visual-text", "visual-image", "audio"), List.of("visual-text", "visual-image", "audio"))
                        : List.of("audio");
                return new MarengoInput(type, null, mediaSource(body), segment, options, Set.of("clip"));
            }
        }
    }

    static PegasusInput pegasusInput(JsonObject body) {
        requireOnly(body, Set.of("inputPrompt", "mediaSource", "temperature", "maxOutputTokens", "responseFormat"));
        String prompt = string(body, "inputPrompt");
        if (prompt.isBlank()) {
            throw new Invalid("inputPrompt must not be empty");
        }
        int maxTokens = body.containsKey("maxOutputTokens") ? integer(body, "maxOutputTokens", 1, 4096) : 2048;
        if (body.containsKey("temperature")) {
            double t = number(body, "temperature");
            if (t < 0 || t > 1) {
                throw new Invalid("temperature must lie in [0, 1]");
            }
        }
        if (body.containsKey("responseFormat")) {
            JsonObject format = body.getJsonObject("responseFormat");
            JsonValue schema = format.get("jsonSchema");
            if (schema == null || schema.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new Invalid("responseFormat.jsonSchema is required");
            }
            // two shapes are seen in the wild: {type, jsonSchema:{name, schema}} and {jsonSchema: <raw schema>}
            JsonObject wrapped = schema.asJsonObject();
            if (format.containsKey("type") && !(wrapped.containsKey("schema") && wrapped.containsKey("name"))) {
                throw new Invalid("responseFormat.jsonSchema needs a name and a schema");
            }
        }
        return new PegasusInput(prompt, mediaSource(body), maxTokens);
    }

    static String outputUri(JsonObject request) {
        try {
            String uri = request.getJsonObject("outputDataConfig").getJsonObject("s3OutputDataConfig").getString("s3Uri");
            if (!uri.startsWith("s3://")) {
                throw new Invalid("outputDataConfig.s3OutputDataConfig.s3Uri must be an s3:// URI");
            }
            return uri;
        } catch (NullPointerException | ClassCastException e) {
            throw new Invalid("outputDataConfig.s3OutputDataConfig.s3Uri is required");
        }
    }

    static String token(String token) {
        if (!token.matches("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}")) {
            throw new Invalid("clientRequestToken does not match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,256}");
        }
        return token;
    }

    private static JsonObject mediaSource(JsonObject input) {
        if (!input.containsKey("mediaSource") || input.get("mediaSource").getValueType() != JsonValue.ValueType.OBJECT) {
            throw new Invalid("mediaSource is required");
        }
        JsonObject source = input.getJsonObject("mediaSource");
        boolean base64 = source.containsKey("base64String");
        boolean s3 = source.containsKey("s3Location");
        if (base64 == s3) {
            throw new Invalid("mediaSource needs exactly one of base64String and s3Location");
        }
        if (s3) {
            JsonObject location = source.getJsonObject("s3Location");
            requireOnly(location, Set.of("uri", "bucketOwner"));
            if (!string(location, "uri").startsWith("s3://")) {
                throw new Invalid("mediaSource.s3Location.uri must be an s3:// URI");
            }
        } else {
            string(source, "base64String");
        }
        return source;
    }

    static void requireOnly(JsonObject object, Set<String> allowed) {
        for (String key : object.keySet()) {
            if (!allowed.contains(key)) {
                throw new Invalid("#: extraneous key [" + key + "] is not permitted");
            }
        }
    }

    static String string(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
            throw new Invalid("#: required key [" + key + "] not found or not a string");
        }
        return ((JsonString) value).getString();
    }

    private static double number(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value == null || value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new Invalid(key + " must be a number");
        }
        return ((JsonNumber) value).doubleValue();
    }

    private static int integer(JsonObject object, String key, int min, int max) {
        double value = number(object, key);
        if (value != Math.rint(value) || value < min || value > max) {
            throw new Invalid(key + " must be an integer in [" + min + ", " + max + "], got " + value);
        }
        return (int) value;
    }

    private static List<String> strings(JsonObject object, String key, Set<String> allowed, List<String> fallback) {
        if (!object.containsKey(key)) {
            return fallback;
        }
        if (object.get(key).getValueType() != JsonValue.ValueType.ARRAY) {
            throw new Invalid(key + " must be a list");
        }
        List<String> values = object.getJsonArray(key).stream().map(v -> v.getValueType() == JsonValue.ValueType.STRING
                ? ((JsonString) v).getString() : "").toList();
        for (String value : values) {
            if (!allowed.contains(value)) {
                throw new Invalid(key + ": '" + value + "' is not one of " + allowed);
            }
        }
        return values;
    }
}
