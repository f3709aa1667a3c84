package org.milkmobs.adapters.aws.bedrock;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The Marengo request bodies (the {@code InvokeModel} body, or the {@code modelInput} of
 * {@code StartAsyncInvoke}). 3.0 nests the input under a key named after its type; 2.7 is flat.
 */
final class MarengoRequests {

    private MarengoRequests() {
    }

    static JsonObject text(MarengoVersion version, String text) {
        return switch (version) {
            case V3_0 -> Json.createObjectBuilder().add("inputType", "text")
                    .add("text", Json.createObjectBuilder().add("inputText", text)).build();
            // 2.7 reads at most 77 tokens: cut the end off rather than fail the search
            case V2_7 -> Json.createObjectBuilder().add("inputType", "text").add("inputText", text).add("textTruncate", "end").build();
        };
    }

    static JsonObject image(MarengoVersion version, MediaSource image) {
        return switch (version) {
            case V3_0 -> Json.createObjectBuilder().add("inputType", "image")
                    .add("image", Json.createObjectBuilder().add("mediaSource", image.toJson())).build();
            case V2_7 -> Json.createObjectBuilder().add("inputType", "image").add("mediaSource", image.toJson()).build();
        };
    }

    /**
     * A composed query, 3.0 only (2.7 has no such input): the text and the image under {@code text_image}, as the
     * Marengo 3.0 request reference shows it (BEDROCK.md lists the input type, not its fields).
     */
    static JsonObject textImage(String text, MediaSource image) {
        return Json.createObjectBuilder().add("inputType", "text_image").add("text_image", Json.createObjectBuilder()
                .add("inputText", text).add("mediaSource", image.toJson())).build();
    }

    /** A video: clip embeddings over fixed segments of every modality, plus (3.0) the asset embeddings. */
    static JsonObject video(MarengoVersion version, MediaSource video, int segmentSeconds) {
        return switch (version) {
            case V3_0 -> Json.createObjectBuilder().add("inputType", "video").add("video", Json.createObjectBuilder()
                    .add("mediaSource", video.toJson())
                    .add("segmentation", Json.createObjectBuilder().add("method", "fixed")
                            .add("fixed", Json.createObjectBuilder().add("durationSec", segmentSeconds)))
                    .add("embeddingOption", Json.createArrayBuilder().add("visual").add("audio").add("transcription"))
                    .add("embeddingType", Json.createArrayBuilder().add("separate_embedding"))
                    .add("embeddingScope", Json.createArrayBuilder().add("clip").add("asset"))).build();
            // 2.7 has no asset scope and no transcription; visual-text is the visual space text queries meet
            case V2_7 -> Json.createObjectBuilder().add("inputType", "video").add("mediaSource", video.toJson())
                    .add("useFixedLengthSec", segmentSeconds)
                    .add("embeddingOption", Json.createArrayBuilder().add("visual-text").add("audio")).build();
        };
    }

    /** An audio file: clip embeddings over fixed segments of its sound and speech, plus (3.0) the asset embeddings. */
    static JsonObject audioFile(MarengoVersion version, MediaSource audio, int segmentSeconds) {
        return switch (version) {
            case V3_0 -> Json.createObjectBuilder().add("inputType", "audio").add("audio", Json.createObjectBuilder()
                    .add("mediaSource", audio.toJson())
                    .add("segmentation", Json.createObjectBuilder().add("method", "fixed")
                            .add("fixed", Json.createObjectBuilder().add("durationSec", segmentSeconds)))
                    .add("embeddingOption", Json.createArrayBuilder().add("audio").add("transcription"))
                    .add("embeddingType", Json.createArrayBuilder().add("separate_embedding"))
                    .add("embeddingScope", Json.createArrayBuilder().add("clip").add("asset"))).build();
            case V2_7 -> Json.createObjectBuilder().add("inputType", "audio").add("mediaSource", audio.toJson())
                    .add("useFixedLengthSec", segmentSeconds).build();
        };
    }

    /** An audio query: one vector for the whole clip. */
    static JsonObject audio(MarengoVersion version, MediaSource audio) {
        return switch (version) {
            case V3_0 -> Json.createObjectBuilder().add("inputType", "audio").add("audio", Json.createObjectBuilder()
                    .add("mediaSource", audio.toJson())
                    .add("embeddingOption", Json.createArrayBuilder().add("audio"))
                    .add("embeddingScope", Json.createArrayBuilder().add("asset"))).build();
            case V2_7 -> Json.createObjectBuilder().add("inputType", "audio").add("mediaSource", audio.toJson()).build();
        };
    }
}
