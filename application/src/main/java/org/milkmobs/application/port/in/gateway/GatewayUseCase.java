package org.milkmobs.application.port.in.gateway;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.milkmobs.domain.apikey.ApiKey;

/**
 * The OpenAI-compatible gateway: callers present an API key, list the models this instance serves and
 * embed text and images with them. Every paid call is reserved against the global, the model's and the
 * key's budget before it is made, and metered under the key.
 */
public interface GatewayUseCase {

    /**
     * The active key with this secret (its last use is noted).
     *
     * @throws InvalidApiKeyException when no active key has it
     */
    ApiKey authenticate(String secret);

    List<GatewayModel> models();

    /**
     * One vector per input, in order.
     *
     * @throws GatewayRefusedException when the model is not served, cannot take an input or cannot honour {@code dimensions}, or an
     *         image URL is not fetched (all before the first paid call)
     * @throws org.milkmobs.application.port.out.budget.BudgetExhaustedException when a ceiling (the key's included) has no room
     * @throws org.milkmobs.application.port.out.analysis.AnalysisFailedException when the model failed or refused
     */
    Embeddings embed(ApiKey key, EmbeddingsRequest request);

    /**
     * The text model's answer to a conversation, by the model's name in {@code gateway.chat.models}.
     *
     * @throws GatewayRefusedException when the model is not served or chat is not configured here
     * @throws org.milkmobs.application.port.out.budget.BudgetExhaustedException when a ceiling (the key's included) has no room
     * @throws org.milkmobs.application.port.out.analysis.AnalysisFailedException when the model failed or refused
     */
    ChatCompletion chat(ApiKey key, ChatCompletionRequest request);

    /**
     * {@link #chat}, with the answer's text handed to {@code onText} piece by piece as the model writes it (on any
     * thread, in order; a model that does not stream gives it as one piece). Nothing is handed over before the
     * request passed every check, so a refusal can still be answered as an error.
     */
    ChatCompletion chatStreaming(ApiKey key, ChatCompletionRequest request, Consumer<String> onText);

    /**
     * The embeddings the pipeline made of a stored, validated video (clips and the whole asset, per modality): the
     * pipeline paid for them once, so this costs nothing.
     *
     * @throws GatewayRefusedException when the model is not the one that embedded the video, or the video is not visible
     */
    List<VideoVector> videoEmbeddings(ApiKey key, String model, String videoId);

    /** One stored vector of a video: its modality and scope ({@code clip} with seconds, or {@code asset}). */
    record VideoVector(String modality, String scope, double startSeconds, double endSeconds, float[] vector) {
        public VideoVector {
            Objects.requireNonNull(modality, "modality");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(vector, "vector");
        }
    }

    enum Capability { EMBEDDINGS, CHAT }

    /**
     * @param role {@code system}, {@code user} or {@code assistant}
     * @param video a stored Milk Mobs video the message asks about (for Pegasus)
     */
    record ChatMessage(String role, String text, Optional<String> video) {
        public ChatMessage {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(video, "video");
        }

        public ChatMessage(String role, String text) {
            this(role, text, Optional.empty());
        }
    }

    record ChatCompletionRequest(String model, List<ChatMessage> messages, Optional<Integer> maxTokens, Optional<Double> temperature,
                                 Optional<Double> topP, List<String> stop) {
        public ChatCompletionRequest {
            Objects.requireNonNull(model, "model");
            messages = List.copyOf(messages);
            Objects.requireNonNull(maxTokens, "maxTokens");
            Objects.requireNonNull(temperature, "temperature");
            Objects.requireNonNull(topP, "topP");
            stop = List.copyOf(stop);
        }
    }

    /** @param finishReason OpenAI's: {@code stop}, {@code length} or {@code content_filter} */
    record ChatCompletion(String model, String text, String finishReason, long promptTokens, long completionTokens) {
        public ChatCompletion {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(finishReason, "finishReason");
        }
    }

    /** A model as the gateway lists it: its id (what clients send as {@code model}) and who makes it. */
    record GatewayModel(String id, String ownedBy, Capability capability) {
        public GatewayModel {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(ownedBy, "ownedBy");
            Objects.requireNonNull(capability, "capability");
        }
    }

    /** One thing to embed. */
    sealed interface EmbeddingInput {
        record Text(String text) implements EmbeddingInput {
            public Text {
                Objects.requireNonNull(text, "text");
            }
        }

        record Image(byte[] bytes) implements EmbeddingInput {
            public Image {
                Objects.requireNonNull(bytes, "bytes");
            }
        }

        /** An image named by its {@code https} URL, fetched for the caller when nothing forbids it. */
        record ImageUrl(java.net.URI url) implements EmbeddingInput {
            public ImageUrl {
                Objects.requireNonNull(url, "url");
            }
        }
    }

    record EmbeddingsRequest(String model, List<EmbeddingInput> inputs, Optional<Integer> dimensions) {
        public EmbeddingsRequest {
            Objects.requireNonNull(model, "model");
            inputs = List.copyOf(inputs);
            Objects.requireNonNull(dimensions, "dimensions");
        }
    }

    /** @param promptTokens the inputs' estimated tokens (OpenAI's usage figure; Marengo does not report one) */
    record Embeddings(String model, List<float[]> vectors, long promptTokens) {
        public Embeddings {
            Objects.requireNonNull(model, "model");
            vectors = List.copyOf(vectors);
        }
    }
}
