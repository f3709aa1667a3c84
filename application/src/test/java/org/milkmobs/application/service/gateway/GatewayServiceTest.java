package org.milkmobs.application.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.gateway.ApiKeysUseCase.IssuedApiKey;
import org.milkmobs.application.port.in.gateway.GatewayRefusedException;
import org.milkmobs.application.port.in.gateway.GatewayUseCase.ChatCompletionRequest;
import org.milkmobs.application.port.in.gateway.GatewayUseCase.ChatMessage;
import org.milkmobs.application.port.in.gateway.GatewayUseCase.EmbeddingInput;
import org.milkmobs.application.port.in.gateway.GatewayUseCase.EmbeddingsRequest;
import org.milkmobs.application.port.in.gateway.InvalidApiKeyException;
import org.milkmobs.application.port.out.analysis.QueryEmbedder;
import org.milkmobs.application.port.out.budget.BudgetExhaustedException;
import org.milkmobs.application.port.out.budget.PaidCall;
import org.milkmobs.application.port.out.chat.ChatModel;
import org.milkmobs.application.port.out.gateway.RemoteImageRefusedException;
import org.milkmobs.application.port.out.gateway.RemoteImages;
import org.milkmobs.application.port.out.budget.Reservation;
import org.milkmobs.application.port.out.media.AudioClip;
import org.milkmobs.application.port.out.search.QueryEmbeddingCache;
import org.milkmobs.application.service.budget.BudgetGuard;
import org.milkmobs.application.service.search.QueryVectors;
import org.milkmobs.application.testing.InMemoryApiKeyStore;
import org.milkmobs.application.testing.InMemoryBudgetLedger;
import org.milkmobs.application.testing.InMemoryUsage;
import org.milkmobs.application.testing.InMemoryChatModel;
import org.milkmobs.application.testing.InMemoryEmbeddingStore;
import org.milkmobs.application.testing.InMemoryVideoQuestions;
import org.milkmobs.application.testing.InMemoryVideoStore;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.video.Video;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.domain.apikey.ApiKey;
import org.milkmobs.domain.budget.Budget;
import org.milkmobs.domain.budget.BudgetLimit;
import org.milkmobs.domain.budget.BudgetMode;
import org.milkmobs.domain.budget.BudgetPeriod;
import org.milkmobs.domain.budget.BudgetScope;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.usage.ModelOperation;
import org.milkmobs.domain.usage.PriceTable;
import org.milkmobs.domain.usage.PricedUnit;
import org.milkmobs.domain.usage.UsageRecord;

class GatewayServiceTest {

    private static final String MARENGO = EmbeddingModel.MARENGO_3.id();

    private final TestClock clock = TestClock.at("2026-03-01T10:15:00Z");
    private final InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
    private final InMemoryUsage usage = new InMemoryUsage();
    private final InMemoryBudgetLedger ledger = new InMemoryBudgetLedger(usage);
    private final BudgetGuard budget = new BudgetGuard(new Budget(PriceTable.empty().with(MARENGO, PricedUnit.INPUT_TOKEN,
            new BigDecimal("0.01")), BudgetMode.STRICT), ledger, Duration.ofMinutes(10), clock);
    private final MeteredEmbedder marengo = new MeteredEmbedder(EmbeddingModel.MARENGO_3, true);
    private final ApiKeysService admin = new ApiKeysService(keys, clock);

    private final InMemoryChatModel chat = new InMemoryChatModel();
    private final ChatSettings chatSettings = new ChatSettings(ChatSettings.parse("claude=us.anthropic.claude-3-5-haiku-20241022-v1:0"),
            256, 4096);

    private GatewayService gateway(QueryEmbedder embedder) {
        return gateway(embedder, Optional.of(chat));
    }

    private final InMemoryVideoQuestions pegasus = new InMemoryVideoQuestions();
    private final InMemoryVideoStore videos = new InMemoryVideoStore();
    private final InMemoryEmbeddingStore stored = new InMemoryEmbeddingStore();

    @Test
    void aValidatedVideosStoredEmbeddingsAreServedAtNoCostAndOthersAreNot() {
        ApiKey key = admin.create("video vectors").key();
        GatewayService gateway = gateway(marengo);
        Video accepted = video(true);
        stored.replaceEmbeddings(accepted.id(), EmbeddingModel.MARENGO_3, List.of(
                new Embedding(EmbeddingModel.MARENGO_3, Modality.VISUAL, Scope.CLIP, new Segment(0, 6), marengo.vectorOf("clip")),
                new Embedding(EmbeddingModel.MARENGO_3, Modality.VISUAL, Scope.ASSET, new Segment(0, 10), marengo.vectorOf("asset"))));

        var vectors = gateway.videoEmbeddings(key, MARENGO, accepted.id().toString());

        assertThat(vectors).extracting(v -> v.modality() + "/" + v.scope() + "/" + v.endSeconds())
                .containsExactlyInAnyOrder("visual/clip/6.0", "visual/asset/10.0");
        assertThat(marengo.calls.get()).isZero();
        assertThat(usage.records()).isEmpty();
        assertThatThrownBy(() -> gateway.videoEmbeddings(key, MARENGO, video(false).id().toString()))
                .isInstanceOf(GatewayRefusedException.class);
        assertThatThrownBy(() -> gateway.videoEmbeddings(key, "other-model", accepted.id().toString()))
                .isInstanceOfSatisfying(GatewayRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(GatewayRefusedException.Reason.MODEL_NOT_FOUND));
    }

    private GatewayService gateway(QueryEmbedder embedder, Optional<ChatModel> chatModel) {
        return new GatewayService(keys, new QueryVectors(embedder, clip -> {
            throw new UnsupportedOperationException();
        }, new MapCache(), ApiKeyServiceTransactions.DIRECT, clock), chatModel, chatModel.map(c -> pegasus), videos, stored, images,
                chatSettings, ApiKeyServiceTransactions.DIRECT, clock);
    }

    /** Image URLs in memory: one known image; any other URL is refused as a fetcher would refuse it. */
    private final List<java.net.URI> fetched = new ArrayList<>();
    private final RemoteImages images = url -> {
        fetched.add(url);
        if (url.toString().equals("https://images.example/frame.png")) {
            return new byte[] {(byte) 0x89, 'P', 'N', 'G'};
        }
        throw new RemoteImageRefusedException("the image URL is not fetched: " + url.getHost() + " is a loopback address");
    };

    @Test
    void imageUrlsAreFetchedBeforeTheFirstPaidCallAndARefusedOneCostsTheBatchNothing() {
        ApiKey key = admin.create("image urls").key();
        GatewayService gateway = gateway(marengo);

        var embedded = gateway.embed(key, new EmbeddingsRequest(MARENGO, List.of(new EmbeddingInput.Text("milk"),
                new EmbeddingInput.ImageUrl(java.net.URI.create("https://images.example/frame.png"))), Optional.empty()));

        assertThat(embedded.vectors()).hasSize(2);
        assertThat(marengo.calls.get()).isEqualTo(2);
        assertThatThrownBy(() -> gateway.embed(key, new EmbeddingsRequest(MARENGO, List.of(new EmbeddingInput.Text("a new text"),
                new EmbeddingInput.ImageUrl(java.net.URI.create("https://127.0.0.1/x.png"))), Optional.empty())))
                .isInstanceOfSatisfying(GatewayRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(GatewayRefusedException.Reason.IMAGE_URL_REFUSED);
                    assertThat(e.getMessage()).startsWith("input[1]: ").contains("loopback");
                });
        assertThat(marengo.calls.get()).isEqualTo(2);
        assertThat(fetched).hasSize(2);
    }

    private Video video(boolean accepted) {
        Video video = TestVideos.submitted("alice");
        video.markUploaded(TestVideos.mediaFacts(), clock.instant());
        video.startProcessing(clock.instant());
        video.markAnalyzed(clock.instant());
        video.decide(accepted, clock.instant());
        return videos.saveVideo(video);
    }

    @Test
    void pegasusAnswersAboutAValidatedVideoUnderTheKeyAndRefusesOthers() {
        ApiKey key = admin.create("video questions").key();
        GatewayService gateway = gateway(marengo);
        Video accepted = video(true);
        Video rejected = video(false);

        var answer = gateway.chat(key, new ChatCompletionRequest(pegasus.model(), List.of(new ChatMessage("user", "who pours the milk?",
                Optional.of(accepted.id().toString()))), Optional.empty(), Optional.empty(), Optional.empty(), List.of()));

        assertThat(answer.text()).contains(accepted.id().toString()).contains("who pours the milk?");
        assertThat(pegasus.subjects).singleElement().satisfies(s -> {
            assertThat(s.apiKey()).contains(key.id());
            assertThat(s.video()).contains(accepted.id());
        });
        assertThat(gateway.models()).extracting(m -> m.id()).contains(pegasus.model());
        assertThatThrownBy(() -> gateway.chat(key, new ChatCompletionRequest(pegasus.model(), List.of(new ChatMessage("user", "and this?",
                Optional.of(rejected.id().toString()))), Optional.empty(), Optional.empty(), Optional.empty(), List.of())))
                .isInstanceOf(GatewayRefusedException.class).hasMessageContaining("no validated video");
        assertThatThrownBy(() -> gateway.chat(key, new ChatCompletionRequest(pegasus.model(), List.of(new ChatMessage("user", "no video")),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of()))).isInstanceOf(GatewayRefusedException.class);
        assertThatThrownBy(() -> gateway.chat(key, new ChatCompletionRequest("claude", List.of(new ChatMessage("user", "see this",
                Optional.of(accepted.id().toString()))), Optional.empty(), Optional.empty(), Optional.empty(), List.of())))
                .isInstanceOf(GatewayRefusedException.class).hasMessageContaining("answers about videos");
        assertThat(pegasus.subjects).hasSize(1);
    }

    @Test
    void aStreamedQuestionToPegasusArrivesInPiecesAndARefusalHandsNothingOver() {
        ApiKey key = admin.create("streamed video questions").key();
        GatewayService gateway = gateway(marengo);
        Video accepted = video(true);
        Video rejected = video(false);
        List<String> pieces = new java.util.ArrayList<>();

        var answer = gateway.chatStreaming(key, new ChatCompletionRequest(pegasus.model(), List.of(new ChatMessage("user", "who pours?",
                Optional.of(accepted.id().toString()))), Optional.empty(), Optional.empty(), Optional.empty(), List.of()), pieces::add);

        assertThat(pieces).hasSizeGreaterThan(1);
        assertThat(String.join("", pieces)).isEqualTo(answer.text()).contains("who pours?");
        assertThat(answer.model()).isEqualTo(pegasus.model());
        assertThat(pegasus.subjects).singleElement().satisfies(s -> assertThat(s.apiKey()).contains(key.id()));
        pieces.clear();
        assertThatThrownBy(() -> gateway.chatStreaming(key, new ChatCompletionRequest(pegasus.model(), List.of(new ChatMessage("user",
                "and this?", Optional.of(rejected.id().toString()))), Optional.empty(), Optional.empty(), Optional.empty(), List.of()),
                pieces::add)).isInstanceOf(GatewayRefusedException.class);
        assertThat(pieces).isEmpty();
        assertThat(pegasus.subjects).hasSize(1);
    }

    @Test
    void aChatGoesToTheMappedBedrockModelUnderTheKeyAndAnUnmappedNameIsRefused() {
        ApiKey key = admin.create("chatty").key();
        GatewayService gateway = gateway(marengo);

        var answer = gateway.chat(key, new ChatCompletionRequest("claude", List.of(new ChatMessage("system", "be brief"),
                new ChatMessage("user", "milk mobs?")), Optional.empty(), Optional.empty(), Optional.empty(), List.of()));

        assertThat(answer.model()).isEqualTo("claude");
        assertThat(answer.text()).contains("milk mobs?");
        assertThat(answer.finishReason()).isEqualTo("stop");
        assertThat(chat.subjects).singleElement().satisfies(s -> assertThat(s.apiKey()).contains(key.id()));
        assertThat(gateway.models()).extracting(m -> m.id() + "/" + m.ownedBy()).contains("claude/anthropic");
        assertThatThrownBy(() -> gateway.chat(key, new ChatCompletionRequest("gpt-4o", List.of(new ChatMessage("user", "hi")),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of()))).isInstanceOfSatisfying(GatewayRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(GatewayRefusedException.Reason.MODEL_NOT_FOUND));
        assertThatThrownBy(() -> gateway.chat(key, new ChatCompletionRequest("claude", List.of(new ChatMessage("tool", "x")),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of()))).isInstanceOf(GatewayRefusedException.class);
        assertThat(chat.calls.get()).isEqualTo(1);
    }

    @Test
    void aStreamedChatHandsTheAnswerOverAsItIsWrittenAndARefusalComesBeforeAnyText() {
        ApiKey key = admin.create("streaming").key();
        GatewayService gateway = gateway(marengo);
        List<String> pieces = new java.util.ArrayList<>();

        var answer = gateway.chatStreaming(key, new ChatCompletionRequest("claude", List.of(new ChatMessage("user", "milk mobs?")),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of()), pieces::add);

        assertThat(String.join("", pieces)).isEqualTo(answer.text()).contains("milk mobs?");
        assertThat(chat.subjects).singleElement().satisfies(s -> assertThat(s.apiKey()).contains(key.id()));
        pieces.clear();
        assertThatThrownBy(() -> gateway.chatStreaming(key, new ChatCompletionRequest("gpt-4o", List.of(new ChatMessage("user", "hi")),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of()), pieces::add)).isInstanceOf(GatewayRefusedException.class);
        assertThat(pieces).isEmpty();
    }

    @Test
    void withTheLocalAnalyzerChatIsRefusedNamingWhatToConfigure() {
        ApiKey key = admin.create("offline chat").key();
        GatewayService gateway = gateway(new MeteredEmbedder(new EmbeddingModel("local-perceptual-v1", 64), false), Optional.empty());

        assertThat(gateway.models()).extracting(m -> m.id()).containsExactly("local-perceptual-v1");
        assertThatThrownBy(() -> gateway.chat(key, new ChatCompletionRequest("claude", List.of(new ChatMessage("user", "hi")),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of()))).isInstanceOfSatisfying(GatewayRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(GatewayRefusedException.Reason.NOT_CONFIGURED);
                    assertThat(e.getMessage()).contains("bedrock.output-uri").contains("gateway.chat.models");
                });
    }

    @Test
    void anIssuedKeyAuthenticatesUntilItIsRevokedAndItsLastUseIsNoted() {
        IssuedApiKey issued = admin.create("notebook");
        GatewayService gateway = gateway(marengo);

        assertThat(gateway.authenticate(issued.secret()).id()).isEqualTo(issued.key().id());
        assertThat(keys.byId(issued.key().id()).orElseThrow().lastUsedAt()).contains(clock.instant());
        assertThat(keys.byId(issued.key().id()).orElseThrow().secretHash()).isNotEqualTo(issued.secret()).doesNotContain(issued.secret());

        admin.revoke(issued.key().id());

        assertThatThrownBy(() -> gateway.authenticate(issued.secret())).isInstanceOf(InvalidApiKeyException.class).hasMessageContaining("revoked");
        assertThatThrownBy(() -> gateway.authenticate("sk-mm-not-a-key-we-ever-made-000")).isInstanceOf(InvalidApiKeyException.class);
        assertThatThrownBy(() -> gateway.authenticate("Bearer nonsense")).isInstanceOf(InvalidApiKeyException.class);
    }

    @Test
    void textIsEmbeddedInOrderMeteredUnderTheKeyAndARepeatedTextComesFromTheSearchCache() {
        ApiKey key = admin.create("batch").key();

        GatewayService gateway = gateway(marengo);
        var answer = gateway.embed(key, new EmbeddingsRequest(MARENGO, List.of(new EmbeddingInput.Text("milk pour"),
                new EmbeddingInput.Text("slow motion")), Optional.empty()));
        gateway.embed(key, new EmbeddingsRequest(MARENGO, List.of(new EmbeddingInput.Text("milk pour")), Optional.empty()));

        assertThat(answer.vectors()).hasSize(2);
        assertThat(answer.vectors().get(0)[0]).isEqualTo(marengo.vectorOf("milk pour")[0]);
        assertThat(answer.vectors().get(1)[0]).isEqualTo(marengo.vectorOf("slow motion")[0]);
        assertThat(marengo.calls.get()).as("the repeated text was cached").isEqualTo(2);
        assertThat(usage.records()).hasSize(2).allSatisfy(u -> assertThat(u.subject().apiKey()).contains(key.id()));
    }

    @Test
    void aKeyWhoseCeilingIsReachedIsRefusedBeforeTheModelIsCalledWhileOtherKeysGoOn() {
        ApiKey capped = admin.create("capped").key();
        ApiKey other = admin.create("other").key();
        ledger.withLimits(new BudgetLimit(BudgetScope.apiKey(capped.id()), BudgetPeriod.DAY, new BigDecimal("0.02")));
        GatewayService gateway = gateway(marengo);

        gateway.embed(capped, new EmbeddingsRequest(MARENGO, List.of(new EmbeddingInput.Text("one two")), Optional.empty()));
        int callsBefore = marengo.calls.get();

        assertThatThrownBy(() -> gateway.embed(capped, new EmbeddingsRequest(MARENGO, List.of(new EmbeddingInput.Text("three four")),
                Optional.empty()))).isInstanceOf(BudgetExhaustedException.class).hasMessageContaining("key:" + capped.id());
        assertThat(marengo.calls.get()).isEqualTo(callsBefore);

        gateway.embed(other, new EmbeddingsRequest(MARENGO, List.of(new EmbeddingInput.Text("three four")), Optional.empty()));
        assertThat(marengo.calls.get()).isEqualTo(callsBefore + 1);
    }

    @Test
    void anUnknownModelWrongDimensionsOrEmptyInputAreRefusedBeforeAnyCall() {
        ApiKey key = admin.create("careless").key();
        GatewayService gateway = gateway(marengo);

        assertThatThrownBy(() -> gateway.embed(key, new EmbeddingsRequest("text-embedding-3-small", List.of(new EmbeddingInput.Text("x")),
                Optional.empty()))).isInstanceOfSatisfying(GatewayRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(GatewayRefusedException.Reason.MODEL_NOT_FOUND));
        assertThatThrownBy(() -> gateway.embed(key, new EmbeddingsRequest(MARENGO, List.of(new EmbeddingInput.Text("x")), Optional.of(256))))
                .isInstanceOfSatisfying(GatewayRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(GatewayRefusedException.Reason.UNSUPPORTED_OPTION);
                    assertThat(e.getMessage()).contains("512");
                });
        assertThatThrownBy(() -> gateway.embed(key, new EmbeddingsRequest(MARENGO, List.of(new EmbeddingInput.Text("ok"),
                new EmbeddingInput.Text(" ")), Optional.empty()))).isInstanceOf(GatewayRefusedException.class);
        assertThat(marengo.calls.get()).isZero();
    }

    @Test
    void theLocalModelRefusesTextNamingTheMissingConfigurationButEmbedsImagesUnderItsOwnName() {
        MeteredEmbedder local = new MeteredEmbedder(new EmbeddingModel("local-perceptual-v1", 64), false);
        ApiKey key = admin.create("offline").key();
        GatewayService gateway = gateway(local, Optional.empty());

        assertThat(gateway.models()).extracting(m -> m.id()).containsExactly("local-perceptual-v1");
        assertThatThrownBy(() -> gateway.embed(key, new EmbeddingsRequest("local-perceptual-v1", List.of(new EmbeddingInput.Text("milk")),
                Optional.empty()))).isInstanceOfSatisfying(GatewayRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(GatewayRefusedException.Reason.NOT_CONFIGURED);
                    assertThat(e.getMessage()).contains("bedrock.output-uri");
                });
        var image = gateway.embed(key, new EmbeddingsRequest("local-perceptual-v1", List.of(new EmbeddingInput.Image(new byte[] {1, 2, 3})),
                Optional.empty()));
        assertThat(image.model()).isEqualTo("local-perceptual-v1");
        assertThat(image.vectors().get(0)).hasSize(64);
    }

    /** A model that reserves and settles through the budget as the Bedrock adapter does, and counts its calls. */
    private final class MeteredEmbedder implements QueryEmbedder {
        final AtomicInteger calls = new AtomicInteger();
        private final EmbeddingModel model;
        private final boolean hasText;

        MeteredEmbedder(EmbeddingModel model, boolean hasText) {
            this.model = model;
            this.hasText = hasText;
        }

        float[] vectorOf(String text) {
            float[] v = new float[model.dimension()];
            v[0] = text.hashCode();
            v[1] = 1;
            return v;
        }

        @Override
        public EmbeddingModel model() {
            return model;
        }

        @Override
        public Optional<Embedding> embedText(String text) {
            return embedText(text, null);
        }

        @Override
        public Optional<Embedding> embedText(String text, String apiKeyId) {
            if (!hasText) {
                return Optional.empty();
            }
            UsageRecord.Subject subject = apiKeyId == null ? UsageRecord.Subject.query(text) : UsageRecord.Subject.forApiKey(text, apiKeyId);
            Map<PricedUnit, Double> units = Map.of(PricedUnit.INPUT_TOKEN, (double) GatewayService.estimatedTokens(text));
            Reservation hold = budget.reserve(new PaidCall(model.id(), ModelOperation.EMBED_TEXT, units, subject));
            calls.incrementAndGet();
            budget.settle(hold, new UsageRecord(clock.instant(), model.id(), ModelOperation.EMBED_TEXT, units, 0, Duration.ZERO,
                    PriceTable.empty().with(model.id(), PricedUnit.INPUT_TOKEN, new BigDecimal("0.01")).cost(model.id(), units),
                    Optional.empty(), subject, Optional.empty()));
            return Optional.of(new Embedding(model, Modality.TEXT, Scope.ASSET, new Segment(0, 0), vectorOf(text)));
        }

        @Override
        public Embedding embedImage(byte[] image) {
            calls.incrementAndGet();
            return new Embedding(model, Modality.IMAGE, Scope.ASSET, new Segment(0, 0), vectorOf("image"));
        }

        @Override
        public AudioEmbedding embedAudio(AudioClip clip) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AudioEmbedding resumeAudio(String handle) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<Modality> comparableWith(Modality query) {
            return query == Modality.TEXT && !hasText ? Set.of() : Set.of(Modality.VISUAL);
        }
    }

    private static final class MapCache implements QueryEmbeddingCache {
        private final Map<String, CachedQuery> entries = new ConcurrentHashMap<>();

        @Override
        public Optional<CachedQuery> find(EmbeddingModel model, QueryKind kind, String key) {
            return Optional.ofNullable(entries.get(model.id() + kind + key));
        }

        @Override
        public void store(EmbeddingModel model, QueryKind kind, String key, CachedQuery entry) {
            entries.put(model.id() + kind + key, entry);
        }

        @Override
        public int forgetOlderThan(java.time.Instant before) {
            return 0;
        }
    }
}
