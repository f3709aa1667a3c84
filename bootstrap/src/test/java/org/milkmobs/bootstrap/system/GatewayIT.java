package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonField;
import com.openai.core.JsonValue;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageParam;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.aws.testing.BedrockDouble;
import org.milkmobs.adapters.aws.testing.BedrockDouble.Operation;
import org.milkmobs.adapters.aws.testing.BedrockFault;
import org.milkmobs.adapters.http.testing.SelfSignedHttps;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;

/**
 * The OpenAI-compatible gateway (/v1) as OpenAI's own Java SDK sees it, on the WAR configured for Bedrock and
 * talking to the Bedrock double: models, text and image embeddings (inline and by https URL, from a local HTTPS server with a
 * test certificate), chat and Pegasus (whole and streamed), keys that are revoked or out of budget,
 * a key's ceiling under 50 concurrent calls, and video and audio files uploaded to /v1/embeddings/video (a job to poll,
 * identical content never paid twice, bad files refused).
 */
class GatewayIT {

    private static final String MARENGO = "twelvelabs.marengo-embed-3-0-v1:0";
    /** Marengo text is priced per token and a text is estimated at a token per four characters. */
    private static final String PER_TOKEN = "0.00007";
    private static final String CHAT = "claude-haiku";
    private static final String PEGASUS = "us.twelvelabs.pegasus-1-2-v1:0";
    private static final String CLAUDE = "us.anthropic.claude-3-5-haiku-20241022-v1:0";

    /** The largest file /v1/embeddings/video takes here (gateway.video.max-bytes). */
    private static final int MAX_UPLOAD = 3_000_000;
    private static final int RATE_LIMIT = 60;

    @TempDir
    static Path dir;

    private static BedrockStack stack;
    private static BedrockDouble bedrock;
    private static MilkMobsServer server;
    private static ApiClient admin;
    private static SelfSignedHttps images;

    @BeforeAll
    static void start() {
        // an image host inside the network, as an operator would permit one: its address allow-listed, its CA trusted
        images = SelfSignedHttps.start(dir);
        stack = BedrockStack.start("gateway", dir, Map.ofEntries(
                Map.entry("BEDROCK_PRICE_MARENGO_INPUT_TOKEN", PER_TOKEN),
                Map.entry("GATEWAY_CHAT_MODELS", CHAT + "=" + CLAUDE),
                Map.entry("GATEWAY_IMAGES_ALLOWED_TARGETS", "127.0.0.1/32"),
                Map.entry("GATEWAY_IMAGES_TRUST_STORE", images.trustStore().toString()),
                Map.entry("GATEWAY_IMAGES_TRUST_STORE_PASSWORD", SelfSignedHttps.PASSWORD),
                Map.entry("GATEWAY_VIDEO_MAX_BYTES", String.valueOf(MAX_UPLOAD)),
                Map.entry("GATEWAY_VIDEO_WAIT", "PT2S"),
                Map.entry("GATEWAY_VIDEO_POLL_EVERY", "PT0.2S"),
                // more than any other test spends on one key (fifty concurrent calls), refilled slowly enough to run out
                Map.entry("GATEWAY_RATE_LIMIT_REQUESTS", String.valueOf(RATE_LIMIT)),
                Map.entry("GATEWAY_RATE_LIMIT_PERIOD", "PT10M")));
        bedrock = stack.bedrock();
        server = stack.server();
        admin = server.as(server.tokens().admin("gateway-admin"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (images != null) {
            images.close();
        }
    }

    @BeforeEach
    void resetDouble() {
        bedrock.reset();
    }

    @Test
    void theSdkListsMarengoAndEmbedsATextAndABatchMeteredUnderItsKey() throws Exception {
        Key key = newKey("sdk basics");
        OpenAIClient openai = sdk(key.secret());

        assertThat(openai.models().list().data()).extracting(Model::id).contains(MARENGO);
        CreateEmbeddingResponse one = openai.embeddings().create(EmbeddingCreateParams.builder().model(MARENGO)
                .input("kids pouring milk in slow motion").build());
        CreateEmbeddingResponse batch = openai.embeddings().create(EmbeddingCreateParams.builder().model(MARENGO)
                .inputOfArrayOfStrings(List.of("a milk mob in a park", "a cat asleep on a keyboard")).build());

        assertThat(one.data()).singleElement().satisfies(e -> assertThat(e.embedding()).hasSize(512));
        assertThat(batch.data()).hasSize(2);
        assertThat(batch.data().get(0).embedding()).isNotEqualTo(batch.data().get(1).embedding());
        assertThat(batch.model()).isEqualTo(MARENGO);
        assertThat(batch.usage().promptTokens()).isPositive();
        assertThat(bedrock.requests()).filteredOn(r -> r.operation() == Operation.INVOKE_MODEL).hasSize(3);
        assertThat(strings("SELECT operation FROM model_usage WHERE api_key_id = ? AND error_code IS NULL", key.id()))
                .containsExactly("EMBED_TEXT", "EMBED_TEXT", "EMBED_TEXT");
        assertThat(admin.get("/api/admin/api-keys").json().getJsonArray("items").getValuesAs(jakarta.json.JsonObject.class))
                .anySatisfy(k -> {
                    assertThat(k.getString("id")).isEqualTo(key.id());
                    assertThat(k.containsKey("lastUsedAt")).isTrue();
                    assertThat(k.toString()).doesNotContain(key.secret());
                });
    }

    @Test
    void aChatCompletionGoesThroughConverseAndAStreamedOneReassemblesWithItsUsage() throws Exception {
        Key key = newKey("chat");
        OpenAIClient openai = sdk(key.secret());
        assertThat(openai.models().list().data()).extracting(Model::id).contains(CHAT);

        ChatCompletion whole = openai.chat().completions().create(ChatCompletionCreateParams.builder().model(CHAT)
                .addSystemMessage("Answer briefly.").addUserMessage("what is a milk mob").build());
        ChatCompletionAccumulator streamed = ChatCompletionAccumulator.create();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = openai.chat().completions().createStreaming(ChatCompletionCreateParams.builder()
                .model(CHAT).addUserMessage("stream me a milk mob").build())) {
            stream.stream().forEach(chunk -> chunks.add(streamed.accumulate(chunk)));
        }

        assertThat(whole.choices()).singleElement().satisfies(c -> {
            assertThat(c.message().content()).hasValueSatisfying(t -> assertThat(t).contains("what is a milk mob"));
            assertThat(c.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        });
        assertThat(whole.usage().orElseThrow().completionTokens()).isPositive();
        // the double's ConverseStream sends one delta per word, so the model's pieces arrive as they were written
        assertThat(chunks).filteredOn(c -> !c.choices().isEmpty() && c.choices().get(0).delta().content().filter(t -> !t.isEmpty()).isPresent())
                .extracting(c -> c.choices().get(0).delta().content().orElseThrow())
                .containsExactly("You ", "said: ", "stream ", "me ", "a ", "milk ", "mob");
        assertThat(streamed.chatCompletion().choices().get(0).message().content())
                .hasValueSatisfying(t -> assertThat(t).isEqualTo("You said: stream me a milk mob"));
        assertThat(chunks.get(chunks.size() - 1).usage()).hasValueSatisfying(u -> assertThat(u.totalTokens()).isPositive());
        assertThat(bedrock.requests()).extracting(r -> r.operation() + " " + r.modelId())
                .containsExactly(Operation.CONVERSE + " " + CLAUDE, Operation.CONVERSE_STREAM + " " + CLAUDE);
        assertThat(strings("SELECT operation FROM model_usage WHERE api_key_id = ? AND error_code IS NULL", key.id()))
                .containsExactly("CHAT", "CHAT");
    }

    @Test
    void pegasusAnswersAQuestionAboutAStoredVideoUnderTheKeyWholeAndStreamed() throws Exception {
        ApiClient alice = server.as(server.tokens().consumer("gateway-alice"));
        String videoId = new Uploads(alice).submitUploadComplete(MediaFixtures.video(dir, "asked-about", 4, 320, 240), "milk pour",
                List.of("milkmob"));
        new Uploads(alice).awaitSettled(videoId);
        ApiResponse validated = admin.postJson("/api/validate", "{\"videoId\":\"" + videoId + "\",\"decision\":\"VALIDATED\","
                + "\"reason\":\"asked about in a gateway test\"}");
        assertThat(validated.status()).as(validated.toString()).isEqualTo(200);
        bedrock.reset();
        Key key = newKey("video questions");
        @SuppressWarnings("unchecked")
        JsonField<List<ChatCompletionMessageParam>> messages = (JsonField<List<ChatCompletionMessageParam>>) (JsonField<?>) JsonValue.from(
                List.of(Map.of("role", "user", "content", List.of(Map.of("type", "text", "text", "Who pours the milk, and when?"),
                        Map.of("type", "milkmobs_video", "video_id", videoId)))));

        ChatCompletion answer = sdk(key.secret()).chat().completions().create(ChatCompletionCreateParams.builder().model(PEGASUS)
                .messages(messages).build());

        assertThat(answer.choices()).singleElement().satisfies(c -> assertThat(c.message().content()).hasValueSatisfying(
                text -> assertThat(text).isNotBlank()));
        assertThat(bedrock.requests()).singleElement().satisfies(r -> {
            assertThat(r.modelId()).isEqualTo(PEGASUS);
            assertThat(r.body()).contains("Who pours the milk, and when?");
        });
        assertThat(strings("SELECT operation FROM model_usage WHERE api_key_id = ? AND error_code IS NULL", key.id()))
                .containsExactly("ANALYZE_VIDEO");

        // the vectors the pipeline made of that video, served again for nothing
        ApiResponse vectors = server.as(key.secret()).postJson("/v1/embeddings/video", "{\"model\":\"" + MARENGO
                + "\",\"video_id\":\"" + videoId + "\"}");
        assertThat(vectors.status()).as(vectors.toString()).isEqualTo(200);
        assertThat(vectors.json().getJsonArray("data").getValuesAs(jakarta.json.JsonObject.class))
                .anySatisfy(v -> {
                    assertThat(v.getString("modality")).isEqualTo("visual");
                    assertThat(v.getString("scope")).isEqualTo("asset");
                    assertThat(v.getJsonArray("embedding")).hasSize(512);
                });
        assertThat(bedrock.requests()).hasSize(1);

        // the same file uploaded through the gateway: the catalogue embedded it, so nothing is invoked or metered
        bedrock.reset();
        ApiResponse catalogued = upload(key.secret(), MARENGO, MediaFixtures.video(dir, "asked-about", 4, 320, 240), "video/mp4");
        assertThat(catalogued.status()).as(catalogued.toString()).isEqualTo(200);
        assertThat(catalogued.json().getString("source")).isEqualTo("catalogue");
        assertThat(catalogued.json().getJsonArray("data")).isNotEmpty();
        assertThat(bedrock.requests()).isEmpty();

        // the same question streamed: Pegasus's InvokeModelWithResponseStream chunks arrive as chunks of OpenAI's stream
        bedrock.reset();
        ChatCompletionAccumulator streamed = ChatCompletionAccumulator.create();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = sdk(key.secret()).chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model(PEGASUS).messages(messages).build())) {
            stream.stream().forEach(chunk -> chunks.add(streamed.accumulate(chunk)));
        }

        List<String> pieces = chunks.stream().filter(c -> !c.choices().isEmpty())
                .flatMap(c -> c.choices().get(0).delta().content().filter(t -> !t.isEmpty()).stream()).toList();
        assertThat(pieces).hasSizeGreaterThan(3);
        assertThat(streamed.chatCompletion().choices().get(0).message().content())
                .hasValueSatisfying(t -> assertThat(t).isEqualTo(String.join("", pieces)).isEqualTo(answer.choices().get(0).message()
                        .content().orElseThrow()));
        assertThat(chunks.get(chunks.size() - 1).usage()).hasValueSatisfying(u -> assertThat(u.completionTokens()).isPositive());
        assertThat(bedrock.requests()).singleElement().satisfies(r -> {
            assertThat(r.operation()).isEqualTo(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM);
            assertThat(r.modelId()).isEqualTo(PEGASUS);
        });
        assertThat(strings("SELECT operation FROM model_usage WHERE api_key_id = ? AND error_code IS NULL", key.id()))
                .containsExactly("ANALYZE_VIDEO", "ANALYZE_VIDEO");
    }

    @Test
    void anImageInAnInputItemIsEmbeddedByMarengo() throws Exception {
        String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(png("frame", 160, 120));

        CreateEmbeddingResponse image = sdk(newKey("images").secret()).embeddings().create(EmbeddingCreateParams.builder()
                .model(MARENGO).input(imageItem(dataUrl)).build());

        assertThat(image.data()).singleElement().satisfies(e -> assertThat(e.embedding()).hasSize(512));
        assertThat(bedrock.requests()).singleElement().satisfies(r -> assertThat(r.body()).contains("\"inputType\":\"image\""));
    }

    @Test
    void anHttpsImageUrlIsFetchedAndEmbeddedWhileInternalPlainOrRedirectingUrlsAreRefusedBeforeBedrock() throws Exception {
        byte[] png = png("fetched", 200, 150);
        images.image("/fetched.png", "image/png", png).serve("/moved.png", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Location", images.uri("/fetched.png").toString());
                exchange.sendResponseHeaders(301, -1);
            }
        });
        Key key = newKey("image urls");
        OpenAIClient openai = sdk(key.secret());

        CreateEmbeddingResponse image = openai.embeddings().create(EmbeddingCreateParams.builder().model(MARENGO)
                .input(imageItem(images.uri("/fetched.png").toString())).build());

        assertThat(image.data()).singleElement().satisfies(e -> assertThat(e.embedding()).hasSize(512));
        // the fetched bytes are what Marengo was sent
        assertThat(bedrock.requests()).singleElement().satisfies(r -> assertThat(r.body())
                .contains("\"inputType\":\"image\"").contains(Base64.getEncoder().encodeToString(png)));
        Map<String, String> refusals = Map.of(
                "https://169.254.169.254/latest/meta-data/iam/security-credentials/", "169.254.169.254, a link-local address",
                "https://10.0.0.7/frame.png", "a private address",
                images.uri("/fetched.png").toString().replace("https:", "http:"), "only https",
                images.uri("/moved.png").toString(), "redirects are not followed");
        refusals.forEach((url, why) -> assertThatThrownBy(() -> openai.embeddings().create(EmbeddingCreateParams.builder().model(MARENGO)
                .input(imageItem(url)).build()))
                .as(url).isInstanceOfSatisfying(OpenAIServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.code()).contains("invalid_image_url");
                    assertThat(e.param()).contains("input");
                    assertThat(e.getMessage()).contains("input[0]").contains(why);
                }));
        assertThat(bedrock.requests()).hasSize(1);
        assertThat(strings("SELECT operation FROM model_usage WHERE api_key_id = ?", key.id())).containsExactly("EMBED_IMAGE");
    }

    @SuppressWarnings("unchecked")
    private static JsonField<EmbeddingCreateParams.Input> imageItem(String url) {
        return (JsonField<EmbeddingCreateParams.Input>) (JsonField<?>) JsonValue.from(
                List.of(Map.of("type", "image_url", "image_url", Map.of("url", url))));
    }

    /** One video frame as a PNG; frames of one size are alike, and the query cache would answer the second. */
    private static byte[] png(String name, int width, int height) throws Exception {
        Path frame = MediaFixtures.video(dir, name + "-source", 1, width, height);
        Path png = dir.resolve(name + ".png");
        new ProcessBuilder("ffmpeg", "-loglevel", "error", "-y", "-i", frame.toString(), "-frames:v", "1", png.toString())
                .inheritIO().start().waitFor();
        return Files.readAllBytes(png);
    }

    @Test
    void aRevokedKeyIsRefusedInOpenAisShapeAndCostsNothing() throws Exception {
        Key key = newKey("to revoke");
        assertThat(admin.delete("/api/admin/api-keys/" + key.id()).status()).isEqualTo(200);

        assertThatThrownBy(() -> sdk(key.secret()).embeddings().create(EmbeddingCreateParams.builder().model(MARENGO)
                .input("a revoked key asks").build()))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                    assertThat(e.code()).contains("invalid_api_key");
                    assertThat(e.getMessage()).contains("revoked");
                });
        assertThat(bedrock.requests()).isEmpty();
        assertThat(strings("SELECT operation FROM model_usage WHERE api_key_id = ?", key.id())).isEmpty();
    }

    @Test
    void aKeyWithoutBudgetGetsInsufficientQuotaWithRetryAfterBeforeBedrockIsCalled() throws Exception {
        Key key = newKey("spent out");
        cap(key, "0");

        assertThatThrownBy(() -> sdk(key.secret()).embeddings().create(EmbeddingCreateParams.builder().model(MARENGO)
                .input("a key without money asks").build()))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.code()).contains("insufficient_quota");
                    assertThat(e.type()).contains("insufficient_quota");
                    assertThat(e.headers().values("Retry-After")).singleElement().satisfies(s -> assertThat(Long.parseLong(s)).isPositive());
                });
        assertThat(bedrock.requests()).isEmpty();
        assertThat(strings("SELECT operation FROM model_usage WHERE api_key_id = ?", key.id())).isEmpty();

        Key other = newKey("still has money");
        assertThat(sdk(other.secret()).embeddings().create(EmbeddingCreateParams.builder().model(MARENGO)
                .input("another key is not held back").build()).data()).hasSize(1);
    }

    @Test
    void bedrocksRefusalsArriveAsOpenAiErrorsOfTheSameMeaning() throws Exception {
        OpenAIClient openai = sdk(newKey("faults").secret());
        bedrock.failNext(Operation.INVOKE_MODEL, BedrockFault.ACCESS_DENIED, 1);
        assertThatThrownBy(() -> openai.embeddings().create(EmbeddingCreateParams.builder().model(MARENGO).input("denied text").build()))
                .isInstanceOfSatisfying(OpenAIServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.code()).contains("model_access_denied");
                    assertThat(e.getMessage()).contains("AccessDeniedException");
                });
        bedrock.failNext(Operation.INVOKE_MODEL, BedrockFault.VALIDATION, 1);
        assertThatThrownBy(() -> openai.embeddings().create(EmbeddingCreateParams.builder().model(MARENGO).input("invalid text").build()))
                .isInstanceOfSatisfying(OpenAIServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> openai.embeddings().create(EmbeddingCreateParams.builder().model(MARENGO).input("short")
                .dimensions(256).build()))
                .isInstanceOfSatisfying(OpenAIServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.param()).contains("dimensions");
                });
        // a throttle is a spike: the call is retried inside (with backoff), and the client gets its answer
        bedrock.failNext(Operation.INVOKE_MODEL, BedrockFault.THROTTLING, 1);
        int before = bedrock.requests().size();
        assertThat(openai.embeddings().create(EmbeddingCreateParams.builder().model(MARENGO).input("throttled once").build()).data()).hasSize(1);
        assertThat(bedrock.requests().size() - before).as("the throttled attempt and its retry").isEqualTo(2);
    }

    @Test
    void aKeyPastItsRateLimitIsRefusedInOpenAisShapeWithRetryAfterWhileOtherKeysGoOn() {
        Key busy = newKey("rate limited");
        ApiClient client = server.as(busy.secret());
        int served = 0;
        ApiResponse answer = client.get("/v1/models");
        // the bucket refills one request every ten seconds, so a slow machine may be granted a few more
        while (answer.status() == 200 && served < RATE_LIMIT + 20) {
            served++;
            answer = client.get("/v1/models");
        }

        assertThat(served).as("the allowance is served in full").isGreaterThanOrEqualTo(RATE_LIMIT);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(429);
        assertThat(answer.json().getJsonObject("error").getString("code")).isEqualTo("rate_limit_exceeded");
        assertThat(Integer.parseInt(answer.header("Retry-After"))).isPositive();
        assertThatThrownBy(() -> sdk(busy.secret()).embeddings().create(EmbeddingCreateParams.builder().model(MARENGO)
                .input("refused before the model is asked").build()))
                .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.code()).contains("rate_limit_exceeded"));
        assertThat(bedrock.requests()).as("a refused call costs nothing").isEmpty();
        assertThat(server.as(newKey("another key").secret()).get("/v1/models").status()).isEqualTo(200);
    }

    @Test
    void theModelsAndTheGlobalCeilingsHoldForGatewayCallsToo() {
        OpenAIClient openai = sdk(newKey("under the site's ceilings").secret());
        for (String scope : List.of(MARENGO, "global")) {
            ceiling(scope, "\"usd\":0");
            try {
                assertThatThrownBy(() -> openai.embeddings().create(EmbeddingCreateParams.builder().model(MARENGO)
                        .input("held back by the " + scope + " ceiling").build()))
                        .as(scope).isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.code()).contains("insufficient_quota"));
            } finally {
                ceiling(scope, "\"lift\":true");
            }
        }
        assertThat(bedrock.requests()).as("refused before Bedrock is called").isEmpty();
        assertThat(openai.embeddings().create(EmbeddingCreateParams.builder().model(MARENGO).input("lifted again").build()).data()).hasSize(1);
    }

    private static void ceiling(String scope, String change) {
        ApiResponse changed = admin.putJson("/api/admin/budget", "{\"limits\":[{\"scope\":\"" + scope + "\",\"period\":\"hour\","
                + change + "}],\"reason\":\"gateway test\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    @Test
    void fiftyConcurrentCallsOnOneKeyNeverSpendPastItsCeiling() throws Exception {
        Key key = newKey("concurrent");
        // each text is 40 characters: 10 estimated tokens, $0.0007; the ceiling holds exactly ten of them
        cap(key, "0.007");
        OpenAIClient openai = sdk(key.secret());
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Boolean>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                String text = "concurrent milk pours number %02d of fifty".formatted(i);
                assertThat(text).hasSize(40);
                calls.add(pool.submit((Callable<Boolean>) () -> {
                    try {
                        openai.embeddings().create(EmbeddingCreateParams.builder().model(MARENGO).input(text).build());
                        return true;
                    } catch (RateLimitException e) {
                        assertThat(e.code()).contains("insufficient_quota");
                        return false;
                    }
                }));
            }
            long served = 0;
            for (Future<Boolean> call : calls) {
                served += call.get() ? 1 : 0;
            }
            assertThat(served).isEqualTo(10);
            assertThat(bedrock.requests()).hasSize(10);
            assertThat(new java.math.BigDecimal(strings("SELECT coalesce(sum(cost_usd), 0) FROM model_usage WHERE api_key_id = ?",
                    key.id()).get(0))).isLessThanOrEqualTo(new java.math.BigDecimal("0.007"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUploadedClipIsEmbeddedByMarengoAsAJobToPollAndTheSameFileAgainIsNeitherInvokedNorMeteredTwice() throws Exception {
        Key key = newKey("video uploads");
        // small: the double derives its vectors from every byte
        Path clip = MediaFixtures.video(dir, "uploaded-through-the-gateway", 3, 192, 144);
        bedrock.completeAfterPolls(1_000);

        ApiResponse started = upload(key.secret(), MARENGO, clip, "video/mp4");
        ApiResponse repeated = upload(key.secret(), MARENGO, clip, "video/mp4");

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String job = started.json().getString("id");
        assertThat(started.json().getString("object")).isEqualTo("embedding.video.job");
        assertThat(started.json().getString("status")).isEqualTo("in_progress");
        assertThat(started.header("Location")).isEqualTo("/v1/embeddings/video/jobs/" + job);
        assertThat(repeated.status()).as(repeated.toString()).isEqualTo(202);
        assertThat(repeated.json().getString("id")).as("a repeated upload is the same job").isEqualTo(job);
        assertThat(bedrock.requests()).filteredOn(r -> r.operation() == Operation.START_ASYNC_INVOKE).hasSize(1);
        ApiResponse othersPoll = server.as(newKey("another key").secret()).get("/v1/embeddings/video/jobs/" + job);
        assertThat(othersPoll.status()).as(othersPoll.toString()).isEqualTo(404);
        assertThat(othersPoll.json().getJsonObject("error").getString("code")).isEqualTo("not_found");

        bedrock.completeAfterPolls(1);
        ApiResponse done = server.as(key.secret()).get("/v1/embeddings/video/jobs/" + job);

        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().getString("status")).isEqualTo("completed");
        List<jakarta.json.JsonObject> vectors = done.json().getJsonObject("result").getJsonArray("data").getValuesAs(jakarta.json.JsonObject.class);
        assertThat(vectors).isNotEmpty().allSatisfy(v -> {
            assertThat(v.getString("object")).isEqualTo("embedding");
            assertThat(v.getJsonArray("embedding")).hasSize(512);
            assertThat(v.getJsonNumber("end_sec").doubleValue()).isGreaterThanOrEqualTo(v.getJsonNumber("start_sec").doubleValue());
        });
        assertThat(vectors).extracting(v -> v.getString("modality") + "/" + v.getString("scope")).contains("visual/clip", "visual/asset");

        bedrock.reset();
        ApiResponse again = upload(key.secret(), MARENGO, clip, "video/mp4");
        Key third = newKey("a third key");
        ApiResponse othersUpload = upload(third.secret(), MARENGO, clip, "video/mp4");

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().getString("source")).isEqualTo("earlier_upload");
        assertThat(again.json().getJsonArray("data")).hasSameSizeAs(vectors);
        assertThat(again.json().getJsonObject("usage").getJsonNumber("media_seconds").doubleValue()).isZero();
        assertThat(othersUpload.status()).as(othersUpload.toString()).isEqualTo(200);
        assertThat(othersUpload.json().containsKey("job_id")).as("another key's job is not named").isFalse();
        assertThat(bedrock.requests()).as("the same content is not sent to Marengo again").isEmpty();
        assertThat(strings("SELECT operation FROM model_usage WHERE api_key_id = ?", key.id())).containsExactly("EMBED_VIDEO");
        assertThat(strings("SELECT operation FROM model_usage WHERE api_key_id = ?", third.id())).isEmpty();
    }

    @Test
    void anAudioFileInlineAsADataUrlIsEmbeddedAsSoundUnderItsKey() throws Exception {
        Key key = newKey("audio uploads");
        byte[] audio = Files.readAllBytes(MediaFixtures.audioOnly(dir, "gateway-sound"));

        ApiResponse answer = server.as(key.secret()).postJson("/v1/embeddings/video", "{\"model\":\"" + MARENGO + "\",\"file\":\"data:audio/mp4;base64,"
                + Base64.getEncoder().encodeToString(audio) + "\"}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().getString("kind")).isEqualTo("audio");
        assertThat(answer.json().getJsonArray("data").getValuesAs(jakarta.json.JsonObject.class)).isNotEmpty()
                .allSatisfy(v -> assertThat(v.getString("modality")).isIn("audio", "transcription"));
        assertThat(bedrock.requests()).filteredOn(r -> r.operation() == Operation.START_ASYNC_INVOKE).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"inputType\":\"audio\""));
        assertThat(strings("SELECT operation FROM model_usage WHERE api_key_id = ? AND error_code IS NULL", key.id()))
                .containsExactly("EMBED_AUDIO");
    }

    @Test
    void anUploadOfASpentRevokedKeyOrOfABadFileIsRefusedInOpenAisShapeBeforeMarengoIsPaid() throws Exception {
        Key spent = newKey("spent on videos");
        cap(spent, "0");
        Path clip = MediaFixtures.video(dir, "unaffordable", 5, 288, 208);

        ApiResponse refused = upload(spent.secret(), MARENGO, clip, "video/mp4");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.json().getJsonObject("error").getString("code")).isEqualTo("insufficient_quota");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.header("x-should-retry")).isEqualTo("false");

        Key revoked = newKey("revoked for videos");
        assertThat(admin.delete("/api/admin/api-keys/" + revoked.id()).status()).isEqualTo(200);
        ApiResponse unauthorized = upload(revoked.secret(), MARENGO, clip, "video/mp4");
        assertThat(unauthorized.status()).as(unauthorized.toString()).isEqualTo(401);
        assertThat(unauthorized.json().getJsonObject("error").getString("code")).isEqualTo("invalid_api_key");

        Key key = newKey("bad files");
        Path oversized = dir.resolve("oversized.mp4");
        Files.write(oversized, new byte[MAX_UPLOAD + 1]);
        Map<Path, String> badFiles = Map.of(
                MediaFixtures.empty(dir, "empty-upload"), "empty",
                MediaFixtures.textRenamedMp4(dir, "not-a-video"), "not a usable video or audio file",
                oversized, "at most " + MAX_UPLOAD + " bytes");
        for (Map.Entry<Path, String> bad : badFiles.entrySet()) {
            ApiResponse answer = upload(key.secret(), MARENGO, bad.getKey(), "video/mp4");
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            jakarta.json.JsonObject error = answer.json().getJsonObject("error");
            assertThat(error.getString("type")).isEqualTo("invalid_request_error");
            assertThat(error.getString("param")).isEqualTo("file");
            assertThat(error.getString("message")).contains(bad.getValue());
        }
        ApiResponse neither = server.as(key.secret()).postJson("/v1/embeddings/video", "{\"model\":\"" + MARENGO + "\"}");
        assertThat(neither.status()).as(neither.toString()).isEqualTo(400);
        ApiResponse otherModel = upload(key.secret(), "text-embedding-3-small", clip, "video/mp4");
        assertThat(otherModel.status()).as(otherModel.toString()).isEqualTo(404);
        assertThat(otherModel.json().getJsonObject("error").getString("code")).isEqualTo("model_not_found");

        assertThat(bedrock.requests()).isEmpty();
        assertThat(strings("SELECT operation FROM model_usage WHERE api_key_id = ?", spent.id())).isEmpty();
        assertThat(strings("SELECT operation FROM model_usage WHERE api_key_id = ?", key.id())).isEmpty();
    }

    /**
     * A file as OpenAI's file uploads send one ({@code multipart/form-data} with {@code model} and {@code file}). The SDK has no method
     * for this extension, nor a raw request to any path, so a plain HTTP client sends it.
     */
    private static ApiResponse upload(String secret, String model, Path file, String contentType) throws Exception {
        String boundary = "----milkmobs" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\n" + model + "\r\n").getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(file));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return server.as(secret).post("/v1/embeddings/video", "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private record Key(String id, String secret) {
    }

    private static Key newKey(String name) {
        ApiResponse created = admin.postJson("/api/admin/api-keys", "{\"name\":\"" + name + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Key(created.json().getString("id"), created.json().getString("key"));
    }

    private static void cap(Key key, String usdPerDay) {
        ApiResponse capped = admin.putJson("/api/admin/budget", "{\"limits\":[{\"scope\":\"key:" + key.id() + "\",\"period\":\"day\",\"usd\":"
                + usdPerDay + "}],\"reason\":\"gateway test\"}");
        assertThat(capped.status()).as(capped.toString()).isEqualTo(200);
    }

    /** OpenAI's client as a team would configure it, pointed at the gateway; no retries, so every call is seen once. */
    private static OpenAIClient sdk(String apiKey) {
        return OpenAIOkHttpClient.builder().apiKey(apiKey).baseUrl(server.uri("/v1").toString()).maxRetries(0)
                .timeout(Duration.ofSeconds(60)).build();
    }

    private static List<String> strings(String sql, String parameter) throws Exception {
        try (Connection c = server.database().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
            return values;
        }
    }
}
