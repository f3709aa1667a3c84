package org.milkmobs.adapters.aws.bedrock;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.embedding.Vectors;

/**
 * Reads Marengo answers: a list under {@code data} (the AWS page shows one flat object, which is read too).
 * A malformed answer is a {@link MalformedAnswerException}, never a half-read list of vectors.
 */
final class MarengoResponses {

    private MarengoResponses() {
    }

    /** The single vector of a text or image query. */
    static float[] single(MarengoVersion version, JsonObject answer) {
        List<JsonObject> items = items(answer);
        if (items.isEmpty()) {
            throw new MalformedAnswerException("Marengo answered with no embedding");
        }
        return vector(version.model(), items.get(0));
    }

    /** A video's or audio clip's vectors, as the pipeline stores them. */
    static List<Embedding> media(MarengoVersion version, JsonObject answer) {
        EmbeddingModel model = version.model();
        List<Embedding> embeddings = new ArrayList<>();
        for (JsonObject item : items(answer)) {
            Optional<Modality> modality = modality(version, item.getString("embeddingOption", ""));
            if (modality.isEmpty()) {
                continue;
            }
            Scope scope = switch (item.getString("embeddingScope", "clip")) {
                case "clip" -> Scope.CLIP;
                case "asset" -> Scope.ASSET;
                default -> throw new MalformedAnswerException("unknown embeddingScope " + item.get("embeddingScope"));
            };
            embeddings.add(new Embedding(model, modality.get(), scope, segment(item), vector(model, item)));
        }
        if (embeddings.isEmpty()) {
            throw new MalformedAnswerException("Marengo answered with no embedding of a known kind");
        }
        return version == MarengoVersion.V2_7 ? withAssets(model, embeddings) : embeddings;
    }

    /** 2.7 makes clip vectors only: the asset vector of each modality is the normalised mean of its clips. */
    private static List<Embedding> withAssets(EmbeddingModel model, List<Embedding> clips) {
        Map<Modality, List<float[]>> byModality = new EnumMap<>(Modality.class);
        Map<Modality, Double> ends = new EnumMap<>(Modality.class);
        for (Embedding clip : clips) {
            byModality.computeIfAbsent(clip.modality(), m -> new ArrayList<>()).add(clip.vector());
            ends.merge(clip.modality(), clip.segment().endSeconds(), Math::max);
        }
        List<Embedding> all = new ArrayList<>(clips);
        byModality.forEach((modality, vectors) -> all.add(new Embedding(model, modality, Scope.ASSET,
                new Segment(0, ends.get(modality)), Vectors.normalised(Vectors.mean(vectors)))));
        return all;
    }

    private static Optional<Modality> modality(MarengoVersion version, String option) {
        return switch (version) {
            case V3_0 -> switch (option) {
                case "visual" -> Optional.of(Modality.VISUAL);
                case "audio" -> Optional.of(Modality.AUDIO);
                case "transcription" -> Optional.of(Modality.TRANSCRIPTION);
                default -> throw new MalformedAnswerException("unknown embeddingOption '" + option + "'");
            };
            case V2_7 -> switch (option) {
                case "visual-text" -> Optional.of(Modality.VISUAL);
                case "audio" -> Optional.of(Modality.AUDIO);
                // not requested; text queries meet visual-text
                case "visual-image" -> Optional.empty();
                default -> throw new MalformedAnswerException("unknown embeddingOption '" + option + "'");
            };
        };
    }

    private static List<JsonObject> items(JsonObject answer) {
        JsonValue data = answer.get("data");
        if (data == null) {
            return answer.containsKey("embedding") ? List.of(answer) : List.of();
        }
        if (data.getValueType() == JsonValue.ValueType.OBJECT) {
            return List.of(data.asJsonObject());
        }
        if (data.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new MalformedAnswerException("Marengo's data is neither a list nor an object");
        }
        List<JsonObject> items = new ArrayList<>();
        for (JsonValue item : data.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedAnswerException("an item of Marengo's data is not an object");
            }
            items.add(item.asJsonObject());
        }
        return items;
    }

    private static float[] vector(EmbeddingModel model, JsonObject item) {
        JsonValue value = item.get("embedding");
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new MalformedAnswerException("a Marengo item has no embedding list");
        }
        JsonArray numbers = value.asJsonArray();
        if (numbers.size() != model.dimension()) {
            throw new MalformedAnswerException(model.id() + " makes " + model.dimension() + "-dimensional vectors, the answer held "
                    + numbers.size() + " numbers");
        }
        float[] vector = new float[numbers.size()];
        for (int i = 0; i < vector.length; i++) {
            if (numbers.get(i).getValueType() != JsonValue.ValueType.NUMBER) {
                throw new MalformedAnswerException("an embedding holds a value that is not a number");
            }
            vector[i] = (float) ((JsonNumber) numbers.get(i)).doubleValue();
            if (!Float.isFinite(vector[i])) {
                throw new MalformedAnswerException("an embedding holds a value that is not finite");
            }
        }
        try {
            return model.check(vector);
        } catch (IllegalArgumentException e) {
            throw new MalformedAnswerException(e.getMessage());
        }
    }

    private static Segment segment(JsonObject item) {
        double start = number(item, "startSec", 0);
        double end = number(item, "endSec", start);
        if (!(start >= 0) || !(end >= start)) {
            throw new MalformedAnswerException("a Marengo item covers an impossible segment " + start + ".." + end);
        }
        return new Segment(start, end);
    }

    private static double number(JsonObject item, String key, double fallback) {
        JsonValue value = item.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return fallback;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new MalformedAnswerException(key + " is not a number");
        }
        return ((JsonNumber) value).doubleValue();
    }
}
