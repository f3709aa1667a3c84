package org.milkmobs.application.service.gateway;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.milkmobs.application.port.in.gateway.GatewayRefusedException;
import org.milkmobs.application.port.in.gateway.GatewayRefusedException.Reason;
import org.milkmobs.application.port.in.gateway.GatewayUseCase;
import org.milkmobs.application.port.in.gateway.InvalidApiKeyException;
import org.milkmobs.application.port.out.Transactions;
import org.milkmobs.application.port.out.apikey.ApiKeyStore;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.chat.ChatModel;
import org.milkmobs.application.port.out.chat.VideoQuestions;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.application.port.out.gateway.RemoteImageRefusedException;
import org.milkmobs.application.port.out.gateway.RemoteImages;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;
import org.milkmobs.application.service.search.QueryVectors;
import org.milkmobs.domain.apikey.ApiKey;
import org.milkmobs.domain.apikey.ApiKeySecret;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.usage.UsageRecord.Subject;

/**
 * The gateway's embeddings go the way search queries go ({@link QueryVectors}): the same model, the same
 * cache, the same metered and budgeted calls, here under the caller's key. Not wrapped in one transaction:
 * a paid call must not hold a database transaction open while Bedrock answers.
 */
public class GatewayService implements GatewayUseCase {

    /** What the local analyzer lacks for text, named as the operator would fix it. */
    static final String TEXT_NEEDS_BEDROCK = "text embeddings need Marengo on Amazon Bedrock, and this instance runs the offline local"
            + " analyzer: configure Bedrock (bedrock.output-uri with AWS credentials, or analyzer=bedrock)";

    static final String CHAT_NEEDS_BEDROCK = "chat completions need a text model on Amazon Bedrock, and this instance runs the offline"
            + " local analyzer: configure Bedrock (bedrock.output-uri with AWS credentials, or analyzer=bedrock) and gateway.chat.models";
    /** Pegasus's largest output allowance. */
    static final int PEGASUS_MAX_OUTPUT_TOKENS = 4096;

    static final String CHAT_NEEDS_MODELS = "chat completions need at least one text model: set gateway.chat.models"
            + " (name=bedrock-model-id, comma-separated)";

    private final ApiKeyStore keys;
    private final QueryVectors queries;
    private final Optional<ChatModel> chat;
    private final Optional<VideoQuestions> pegasus;
    private final LoadVideoPort videos;
    private final EmbeddingStore embeddings;
    private final RemoteImages images;
    private final ChatSettings chatSettings;
    private final Transactions transactions;
    private final Clock clock;

    /**
     * @param chat the text models' port, empty without Bedrock (the local analyzer has no text model)
     */
    public GatewayService(ApiKeyStore keys, QueryVectors queries, Optional<ChatModel> chat, ChatSettings chatSettings,
                          Transactions transactions, Clock clock) {
        this(keys, queries, chat, Optional.empty(), null, null, chatSettings, transactions, clock);
    }

    /**
     * @param pegasus the model that answers questions about stored videos, empty without Bedrock
     * @param videos where those videos are read (only validated videos, which every consumer sees, may be asked about)
     */
    public GatewayService(ApiKeyStore keys, QueryVectors queries, Optional<ChatModel> chat, Optional<VideoQuestions> pegasus,
                          LoadVideoPort videos, EmbeddingStore embeddings, ChatSettings chatSettings, Transactions transactions, Clock clock) {
        this(keys, queries, chat, pegasus, videos, embeddings, RemoteImages.NONE, chatSettings, transactions, clock);
    }

    /** @param images where images named by URL are fetched */
    public GatewayService(ApiKeyStore keys, QueryVectors queries, Optional<ChatModel> chat, Optional<VideoQuestions> pegasus,
                          LoadVideoPort videos, EmbeddingStore embeddings, RemoteImages images, ChatSettings chatSettings,
                          Transactions transactions, Clock clock) {
        this.images = Objects.requireNonNull(images, "images");
        this.pegasus = Objects.requireNonNull(pegasus, "pegasus");
        this.videos = videos;
        this.embeddings = embeddings;
        this.keys = Objects.requireNonNull(keys, "keys");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.chat = Objects.requireNonNull(chat, "chat");
        this.chatSettings = Objects.requireNonNull(chatSettings, "chatSettings");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ApiKey authenticate(String secret) {
        if (!ApiKeySecret.looksLikeOne(secret)) {
            throw new InvalidApiKeyException("Incorrect API key provided: Milk Mobs keys start with " + ApiKeySecret.PREFIX);
        }
        String hash = new ApiKeySecret(secret).hash();
        return transactions.inTransaction(() -> {
            ApiKey key = keys.bySecretHash(hash).orElseThrow(() -> new InvalidApiKeyException("Incorrect API key provided"));
            if (!key.active()) {
                throw new InvalidApiKeyException("This API key was revoked");
            }
            if (key.lastUsedIsStale(clock.instant())) {
                keys.markUsed(key.id(), clock.instant());
            }
            return key;
        });
    }

    @Override
    public List<GatewayModel> models() {
        String id = queries.model().id();
        List<GatewayModel> models = new ArrayList<>();
        models.add(new GatewayModel(id, id.startsWith("twelvelabs.") ? "twelvelabs" : "milkmobs", Capability.EMBEDDINGS));
        if (chat.isPresent()) {
            chatSettings.models().forEach((name, modelId) -> models.add(new GatewayModel(name, provider(modelId), Capability.CHAT)));
        }
        pegasus.ifPresent(p -> models.add(new GatewayModel(p.model(), "twelvelabs", Capability.CHAT)));
        return List.copyOf(models);
    }

    @Override
    public ChatCompletion chat(ApiKey key, ChatCompletionRequest request) {
        return converse(key, request, Optional.empty());
    }

    @Override
    public ChatCompletion chatStreaming(ApiKey key, ChatCompletionRequest request, Consumer<String> onText) {
        return converse(key, request, Optional.of(onText));
    }

    private ChatCompletion converse(ApiKey key, ChatCompletionRequest request, Optional<Consumer<String>> onText) {
        if (pegasus.isPresent() && pegasus.get().model().equals(request.model())) {
            return askPegasus(key, pegasus.get(), request, onText);
        }
        if (request.messages().stream().anyMatch(m -> m.video().isPresent())) {
            throw new GatewayRefusedException(Reason.INVALID_INPUT, "messages", "only " + pegasus.map(VideoQuestions::model)
                    .orElse("Pegasus (on Bedrock)") + " answers about videos; " + request.model() + " takes text");
        }
        ChatModel model = chat.orElseThrow(() -> new GatewayRefusedException(Reason.NOT_CONFIGURED, "model", CHAT_NEEDS_BEDROCK));
        if (chatSettings.models().isEmpty()) {
            throw new GatewayRefusedException(Reason.NOT_CONFIGURED, "model", CHAT_NEEDS_MODELS);
        }
        String modelId = chatSettings.models().get(request.model());
        if (modelId == null) {
            throw new GatewayRefusedException(Reason.MODEL_NOT_FOUND, "model", "The model '" + request.model() + "' does not exist or is not"
                    + " served for chat here; GET /v1/models lists the models (chat: " + String.join(", ", chatSettings.models().keySet()) + ")");
        }
        List<ChatModel.ChatMessage> messages = new ArrayList<>();
        for (ChatMessage message : request.messages()) {
            messages.add(new ChatModel.ChatMessage(role(message.role()), message.text()));
        }
        if (messages.stream().noneMatch(m -> m.role() == ChatModel.Role.USER)) {
            throw new GatewayRefusedException(Reason.INVALID_INPUT, "messages", "messages must hold at least one user message");
        }
        int maxTokens = request.maxTokens().orElse(chatSettings.defaultMaxTokens());
        if (maxTokens < 1 || maxTokens > chatSettings.maxTokensCap()) {
            throw new GatewayRefusedException(Reason.UNSUPPORTED_OPTION, "max_tokens", "max_tokens must be between 1 and "
                    + chatSettings.maxTokensCap() + ", got " + maxTokens);
        }
        ChatModel.ChatRequest asked = new ChatModel.ChatRequest(modelId, messages, maxTokens, request.temperature(), request.topP(), request.stop());
        Subject subject = Subject.forApiKey("chat:" + request.model(), key.id());
        ChatModel.ChatAnswer answer = onText.isPresent() ? model.converseStreaming(asked, subject, onText.get()) : model.converse(asked, subject);
        return new ChatCompletion(request.model(), answer.text(), switch (answer.finish()) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case CONTENT_FILTER -> "content_filter";
        }, answer.inputTokens(), answer.outputTokens());
    }

    /** Pegasus takes one prompt and one video: the conversation's texts, and the video its messages name. */
    private ChatCompletion askPegasus(ApiKey key, VideoQuestions model, ChatCompletionRequest request, Optional<Consumer<String>> onText) {
        List<String> named = request.messages().stream().flatMap(m -> m.video().stream()).distinct().toList();
        if (named.size() != 1) {
            throw new GatewayRefusedException(Reason.INVALID_INPUT, "messages", model.model() + " answers about one stored video: name it in"
                    + " a content part {\"type\": \"milkmobs_video\", \"video_id\": \"…\"} (got " + named.size() + ")");
        }
        Video video = visibleVideo(named.get(0));
        String prompt = String.join("\n", request.messages().stream().map(ChatMessage::text).filter(t -> !t.isBlank()).toList());
        if (prompt.isBlank()) {
            throw new GatewayRefusedException(Reason.INVALID_INPUT, "messages", "ask a question about the video");
        }
        int maxTokens = Math.min(request.maxTokens().orElse(chatSettings.defaultMaxTokens()), PEGASUS_MAX_OUTPUT_TOKENS);
        VideoMedia media = new VideoMedia(video.id(), BlobKey.source(video.id()), video.media().orElseThrow());
        Subject subject = new Subject(Optional.of(video.id()), Optional.of("chat:" + model.model()), Optional.of(key.id()));
        ChatModel.ChatAnswer answer = onText.isPresent() ? model.askStreaming(media, prompt, maxTokens, subject, onText.get())
                : model.ask(media, prompt, maxTokens, subject);
        return new ChatCompletion(model.model(), answer.text(), answer.finish() == ChatModel.FinishReason.LENGTH ? "length" : "stop",
                answer.inputTokens(), answer.outputTokens());
    }

    @Override
    public List<VideoVector> videoEmbeddings(ApiKey key, String model, String videoId) {
        EmbeddingModel embedder = queries.model();
        if (!embedder.id().equals(model)) {
            throw new GatewayRefusedException(Reason.MODEL_NOT_FOUND, "model", "The model '" + model + "' did not embed this instance's"
                    + " videos; " + embedder.id() + " did");
        }
        Video video = visibleVideo(videoId);
        return transactions.inTransaction(() -> embeddings.findEmbeddings(video.id(), embedder)).stream()
                .map(e -> new VideoVector(e.modality().name().toLowerCase(java.util.Locale.ROOT), e.scope().name().toLowerCase(java.util.Locale.ROOT),
                        e.segment().startSeconds(), e.segment().endSeconds(), e.vector()))
                .toList();
    }

    private Video visibleVideo(String id) {
        VideoId videoId;
        try {
            videoId = new VideoId(java.util.UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new GatewayRefusedException(Reason.INVALID_INPUT, "video_id", "'" + id + "' is not a Milk Mobs video id");
        }
        return transactions.inTransaction(() -> videos.loadVideo(videoId))
                .filter(v -> v.status() == VideoStatus.VALIDATED && v.media().isPresent())
                .orElseThrow(() -> new GatewayRefusedException(Reason.INVALID_INPUT, "video_id", "no validated video " + id
                        + " (keys may ask about the videos every consumer sees)"));
    }

    private static ChatModel.Role role(String role) {
        return switch (role) {
            case "system", "developer" -> ChatModel.Role.SYSTEM;
            case "user" -> ChatModel.Role.USER;
            case "assistant" -> ChatModel.Role.ASSISTANT;
            default -> throw new GatewayRefusedException(Reason.INVALID_INPUT, "messages", "a message's role is system, developer, user or"
                    + " assistant; got '" + role + "' (tools are not supported)");
        };
    }

    /** Who makes a Bedrock model: {@code anthropic} for {@code us.anthropic.claude-…}. */
    static String provider(String modelId) {
        String[] parts = modelId.split("\\.");
        return parts.length >= 3 && parts[0].length() <= 7 ? parts[1] : parts[0];
    }

    @Override
    public Embeddings embed(ApiKey key, EmbeddingsRequest request) {
        EmbeddingModel model = queries.model();
        check(model, request);
        List<EmbeddingInput> inputs = fetched(request.inputs());
        List<float[]> vectors = new ArrayList<>();
        long tokens = 0;
        for (EmbeddingInput input : inputs) {
            if (input instanceof EmbeddingInput.Text text) {
                vectors.add(queries.text(text.text(), Optional.of(key.id())).orElseThrow(
                        () -> new GatewayRefusedException(Reason.NOT_CONFIGURED, "input", TEXT_NEEDS_BEDROCK)).vector());
                tokens += estimatedTokens(text.text());
            } else if (input instanceof EmbeddingInput.Image image) {
                vectors.add(queries.image(image.bytes(), Optional.of(key.id())).vector());
            }
        }
        return new Embeddings(model.id(), vectors, tokens);
    }

    /** Images named by URL, fetched before the first paid call, so a refused one costs the batch nothing. */
    private List<EmbeddingInput> fetched(List<EmbeddingInput> inputs) {
        List<EmbeddingInput> fetched = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) instanceof EmbeddingInput.ImageUrl reference) {
                try {
                    fetched.add(new EmbeddingInput.Image(images.fetch(reference.url())));
                } catch (RemoteImageRefusedException e) {
                    throw new GatewayRefusedException(Reason.IMAGE_URL_REFUSED, "input", "input[" + i + "]: " + e.getMessage());
                }
            } else {
                fetched.add(inputs.get(i));
            }
        }
        return fetched;
    }

    /** Everything that can be refused is refused before the first paid call. */
    private void check(EmbeddingModel model, EmbeddingsRequest request) {
        if (!model.id().equals(request.model())) {
            throw new GatewayRefusedException(Reason.MODEL_NOT_FOUND, "model", "The model '" + request.model()
                    + "' does not exist or is not served for embeddings here; GET /v1/models lists the models (embeddings: " + model.id() + ")");
        }
        if (request.dimensions().isPresent() && request.dimensions().get() != model.dimension()) {
            throw new GatewayRefusedException(Reason.UNSUPPORTED_OPTION, "dimensions", model.id() + " makes only " + model.dimension()
                    + "-dimensional vectors and cannot shorten them; leave dimensions out or send " + model.dimension());
        }
        if (request.inputs().isEmpty()) {
            throw new GatewayRefusedException(Reason.INVALID_INPUT, "input", "input must hold at least one item");
        }
        for (EmbeddingInput input : request.inputs()) {
            if (input instanceof EmbeddingInput.Text text) {
                if (text.text().isBlank()) {
                    throw new GatewayRefusedException(Reason.INVALID_INPUT, "input", "input must not contain empty strings");
                }
                if (queries.comparableWith(Modality.TEXT).isEmpty()) {
                    throw new GatewayRefusedException(Reason.NOT_CONFIGURED, "input", TEXT_NEEDS_BEDROCK);
                }
            }
        }
    }

    /** About four characters per token, as the metering estimates Marengo's text. */
    static long estimatedTokens(String text) {
        return Math.max(1, (text.length() + 3) / 4);
    }
}
