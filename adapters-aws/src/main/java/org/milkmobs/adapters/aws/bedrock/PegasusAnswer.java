package org.milkmobs.adapters.aws.bedrock;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.milkmobs.domain.analysis.Highlight;
import org.milkmobs.domain.embedding.Segment;

/**
 * What Pegasus is asked to answer, as a JSON schema sent with the request, and the check of its answer
 * against that schema: every required field present with its type and range, and nothing else.
 */
record PegasusAnswer(double participationScore, String onScreenText, String summary, List<Highlight> highlights,
                     boolean speech, boolean music) {

    private static final Set<String> FIELDS = Set.of("participation_score", "on_screen_text", "summary", "highlights", "has_speech",
            "has_music");
    private static final int MAX_TEXT = 8000;

    static final JsonObject SCHEMA = Json.createObjectBuilder()
            .add("type", "object")
            .add("properties", Json.createObjectBuilder()
                    .add("participation_score", Json.createObjectBuilder().add("type", "number").add("minimum", 0).add("maximum", 1)
                            .add("description", "How clearly the video takes part in the campaign, from 0 (not at all) to 1 (unmistakably)"))
                    .add("on_screen_text", Json.createObjectBuilder().add("type", "string")
                            .add("description", "All text visible on screen, in reading order"))
                    .add("summary", Json.createObjectBuilder().add("type", "string").add("description", "What happens, in at most three sentences"))
                    .add("highlights", Json.createObjectBuilder().add("type", "array").add("items", Json.createObjectBuilder()
                            .add("type", "object")
                            .add("properties", Json.createObjectBuilder()
                                    .add("start_sec", Json.createObjectBuilder().add("type", "number").add("minimum", 0))
                                    .add("end_sec", Json.createObjectBuilder().add("type", "number").add("minimum", 0))
                                    .add("description", Json.createObjectBuilder().add("type", "string")))
                            .add("required", Json.createArrayBuilder().add("start_sec").add("end_sec").add("description"))
                            .add("additionalProperties", false)))
                    .add("has_speech", Json.createObjectBuilder().add("type", "boolean"))
                    .add("has_music", Json.createObjectBuilder().add("type", "boolean")))
            .add("required", Json.createArrayBuilder().add("participation_score").add("on_screen_text").add("summary").add("highlights")
                    .add("has_speech").add("has_music"))
            .add("additionalProperties", false)
            .build();

    /** Checks {@code answer} against {@link #SCHEMA}; a {@link MalformedAnswerException} names what is wrong. */
    static PegasusAnswer parse(JsonObject answer) {
        for (String key : answer.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new MalformedAnswerException("Pegasus's answer has a field the schema does not allow: " + key);
            }
        }
        double score = number(answer, "participation_score", "");
        if (score < 0 || score > 1) {
            throw new MalformedAnswerException("participation_score must lie in [0, 1], got " + score);
        }
        List<Highlight> highlights = new ArrayList<>();
        JsonValue list = required(answer, "highlights", JsonValue.ValueType.ARRAY, "");
        int index = 0;
        for (JsonValue item : list.asJsonArray()) {
            String at = "highlights[" + index++ + "].";
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedAnswerException(at + " is not an object");
            }
            JsonObject highlight = item.asJsonObject();
            if (!Set.of("start_sec", "end_sec", "description").containsAll(highlight.keySet())) {
                throw new MalformedAnswerException(at + " has a field the schema does not allow");
            }
            double start = number(highlight, "start_sec", at);
            double end = number(highlight, "end_sec", at);
            if (start < 0 || end < start) {
                throw new MalformedAnswerException(at + " covers an impossible span " + start + ".." + end);
            }
            highlights.add(new Highlight(new Segment(start, end), text(highlight, "description", at)));
        }
        return new PegasusAnswer(score, text(answer, "on_screen_text", ""), text(answer, "summary", ""), highlights,
                bool(answer, "has_speech"), bool(answer, "has_music"));
    }

    private static JsonValue required(JsonObject object, String key, JsonValue.ValueType type, String at) {
        JsonValue value = object.get(key);
        if (value == null) {
            throw new MalformedAnswerException("Pegasus's answer lacks " + at + key);
        }
        if (value.getValueType() != type) {
            throw new MalformedAnswerException(at + key + " must be of type " + type.name().toLowerCase(java.util.Locale.ROOT)
                    + ", got " + value.getValueType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return value;
    }

    private static double number(JsonObject object, String key, String at) {
        double value = ((JsonNumber) required(object, key, JsonValue.ValueType.NUMBER, at)).doubleValue();
        if (!Double.isFinite(value)) {
            throw new MalformedAnswerException(at + key + " is not a finite number");
        }
        return value;
    }

    private static String text(JsonObject object, String key, String at) {
        String value = ((JsonString) required(object, key, JsonValue.ValueType.STRING, at)).getString();
        return value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) : value;
    }

    private static boolean bool(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        throw new MalformedAnswerException("Pegasus's answer lacks the boolean " + key);
    }
}
