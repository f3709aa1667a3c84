package org.milkmobs.adapters.aws.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Streamed answers as Bedrock sends them (ConverseStream, InvokeModelWithResponseStream):
 * {@code application/vnd.amazon.eventstream}, one binary message per event (a prelude with the total and header
 * lengths and its CRC32, string headers, the JSON payload, and the CRC32 of the whole message). Encoded by hand
 * rather than with the SDK's own encoder, so a framing mistake on either side shows up as a decoding failure in
 * the SDK instead of cancelling out.
 */
final class EventStreams {

    private static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";

    private EventStreams() {
    }

    /**
     * InvokeModelWithResponseStream's answer: one {@code chunk} event per part, its payload the {@code PayloadPart}
     * structure {@code {"bytes": base64}} holding the model's own JSON for that part.
     */
    static BedrockDouble.Answer chunks(List<JsonObject> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (JsonObject part : parts) {
            write(out, "chunk", Json.createObjectBuilder().add("bytes", Base64.getEncoder()
                    .encodeToString(part.toString().getBytes(StandardCharsets.UTF_8))).build());
        }
        return new BedrockDouble.Answer(200, out.toByteArray(), Map.of("Content-Type", CONTENT_TYPE,
                "X-Amzn-Bedrock-Content-Type", "application/json"));
    }

    /** The Converse answer {@code answer} cut into the events a streaming text model sends: one delta per word. */
    static BedrockDouble.Answer converse(JsonObject answer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "messageStart", Json.createObjectBuilder().add("role", "assistant").build());
        String text = answer.getJsonObject("output").getJsonObject("message").getJsonArray("content").getJsonObject(0).getString("text");
        List<String> words = List.of(text.split("(?<= )"));
        for (String word : words) {
            write(out, "contentBlockDelta", Json.createObjectBuilder().add("contentBlockIndex", 0)
                    .add("delta", Json.createObjectBuilder().add("text", word)).build());
        }
        write(out, "contentBlockStop", Json.createObjectBuilder().add("contentBlockIndex", 0).build());
        write(out, "messageStop", Json.createObjectBuilder().add("stopReason", answer.getString("stopReason")).build());
        write(out, "metadata", Json.createObjectBuilder().add("usage", answer.getJsonObject("usage"))
                .add("metrics", answer.getJsonObject("metrics")).build());
        return new BedrockDouble.Answer(200, out.toByteArray(), Map.of("Content-Type", CONTENT_TYPE));
    }

    private static void write(ByteArrayOutputStream out, String eventType, JsonObject payload) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":event-type", eventType);
        headers.put(":content-type", "application/json");
        headers.put(":message-type", "event");
        out.writeBytes(message(headers, payload.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** One event-stream message; every header is a string (type 7). */
    static byte[] message(Map<String, String> headers, byte[] payload) {
        ByteArrayOutputStream encodedHeaders = new ByteArrayOutputStream();
        headers.forEach((name, value) -> {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            byte[] v = value.getBytes(StandardCharsets.UTF_8);
            encodedHeaders.write(n.length);
            encodedHeaders.writeBytes(n);
            encodedHeaders.write(7);
            encodedHeaders.write(v.length >> 8);
            encodedHeaders.write(v.length & 0xff);
            encodedHeaders.writeBytes(v);
        });
        byte[] h = encodedHeaders.toByteArray();
        int total = 12 + h.length + payload.length + 4;
        ByteBuffer message = ByteBuffer.allocate(total);
        message.putInt(total).putInt(h.length);
        message.putInt((int) crc(message.array(), 0, 8));
        message.put(h).put(payload);
        message.putInt((int) crc(message.array(), 0, total - 4));
        return message.array();
    }

    private static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }
}
