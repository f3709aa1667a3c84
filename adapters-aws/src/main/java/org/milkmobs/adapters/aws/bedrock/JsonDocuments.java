package org.milkmobs.adapters.aws.bedrock;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

/** JSON-P values to and from the SDK's {@link Document} ({@code StartAsyncInvoke}'s modelInput is one). */
final class JsonDocuments {

    private JsonDocuments() {
    }

    static Document toDocument(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Document> members = new LinkedHashMap<>();
                value.asJsonObject().forEach((key, member) -> members.put(key, toDocument(member)));
                yield Document.fromMap(members);
            }
            case ARRAY -> Document.fromList(value.asJsonArray().stream().map(JsonDocuments::toDocument).toList());
            case STRING -> Document.fromString(((JsonString) value).getString());
            case NUMBER -> Document.fromNumber(SdkNumber.fromBigDecimal(((JsonNumber) value).bigDecimalValue()));
            case TRUE -> Document.fromBoolean(true);
            case FALSE -> Document.fromBoolean(false);
            case NULL -> Document.fromNull();
        };
    }

    static JsonObject parseObject(byte[] json) {
        try (var reader = Json.createReader(new ByteArrayInputStream(json))) {
            return reader.readObject();
        } catch (jakarta.json.JsonException | IllegalStateException e) {
            throw new MalformedAnswerException("the answer is not a JSON object: " + e.getMessage());
        }
    }

    static JsonObject parseObject(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (jakarta.json.JsonException | IllegalStateException e) {
            throw new MalformedAnswerException("the answer is not a JSON object: " + e.getMessage());
        }
    }
}
