package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonField;
import com.openai.core.JsonValue;
import com.openai.errors.BadRequestException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;

/**
 * The gateway on an instance with the offline analyzer only (issue 23 point 6), through OpenAI's own Java SDK: what needs
 * Bedrock is refused with an error naming the configuration to set, and images and videos are embedded by the local model
 * under its own name.
 */
@ExtendWith(SystemTestServer.class)
class LocalGatewayIT {

    private static final String LOCAL = "local-perceptual-v1";
    private static final String MARENGO = "twelvelabs.marengo-embed-3-0-v1:0";

    @TempDir
    static Path dir;
    private static MilkMobsServer server;
    private static String secret;

    @BeforeAll
    static void connect(MilkMobsServer running) {
        server = running;
        ApiResponse created = server.as(server.tokens().admin("local-gateway-admin")).postJson("/api/admin/api-keys",
                "{\"name\":\"offline notebook\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        secret = created.json().getString("key");
    }

    @Test
    void onlyTheLocalModelIsListedAndTextAndChatAreRefusedNamingWhatToConfigure() {
        OpenAIClient openai = sdk();

        assertThat(openai.models().list().data()).extracting(Model::id).containsExactly(LOCAL);
        assertThatThrownBy(() -> openai.embeddings().create(EmbeddingCreateParams.builder().model(LOCAL).input("milk mob").build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.code()).contains("model_not_configured");
                    assertThat(e.getMessage()).contains("Marengo").contains("bedrock.output-uri");
                });
        assertThatThrownBy(() -> openai.chat().completions().create(ChatCompletionCreateParams.builder().model("claude-haiku")
                .addUserMessage("hello").build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.code()).contains("model_not_configured");
                    assertThat(e.getMessage()).contains("gateway.chat.models");
                });
    }

    @Test
    void anImageIsEmbeddedByTheLocalModelUnderItsOwnName() throws Exception {
        byte[] png = Files.readAllBytes(MediaFixtures.stillImage(dir, "local-gateway-frame"));

        CreateEmbeddingResponse answer = sdk().embeddings().create(EmbeddingCreateParams.builder().model(LOCAL)
                .input(imageItem("data:image/png;base64," + Base64.getEncoder().encodeToString(png))).build());

        assertThat(answer.model()).isEqualTo(LOCAL);
        assertThat(answer.data()).singleElement().satisfies(e -> assertThat(e.embedding()).hasSize(128));
    }

    @Test
    void anUploadedVideoIsEmbeddedByTheLocalModelAndAnAudioFileIsRefusedNamingMarengo() throws Exception {
        Path clip = MediaFixtures.video(dir, "local-gateway-clip", 3, 192, 144);
        ApiClient client = server.as(secret);

        ApiResponse video = client.postJson("/v1/embeddings/video", "{\"model\":\"" + LOCAL + "\",\"file\":\"data:video/mp4;base64,"
                + Base64.getEncoder().encodeToString(Files.readAllBytes(clip)) + "\"}");
        ApiResponse finished = video.status() == 202 ? awaitJob(client, video.json().getString("id")) : video;

        assertThat(finished.status()).as(finished.toString()).isEqualTo(200);
        JsonObject result = finished.json().containsKey("result") ? finished.json().getJsonObject("result") : finished.json();
        assertThat(result.getString("model")).isEqualTo(LOCAL);
        assertThat(result.getJsonArray("data").getValuesAs(JsonObject.class)).isNotEmpty()
                .allSatisfy(v -> assertThat(v.getJsonArray("embedding")).hasSize(128));

        ApiResponse audio = client.postJson("/v1/embeddings/video", "{\"model\":\"" + LOCAL + "\",\"file\":\"data:audio/mp4;base64,"
                + Base64.getEncoder().encodeToString(Files.readAllBytes(MediaFixtures.audioOnly(dir, "local-gateway-sound"))) + "\"}");
        assertThat(audio.status()).as(audio.toString()).isEqualTo(400);
        assertThat(audio.json().getJsonObject("error").getString("message")).contains("Marengo");

        ApiResponse marengo = client.postJson("/v1/embeddings/video", "{\"model\":\"" + MARENGO + "\",\"file\":\"data:video/mp4;base64,"
                + Base64.getEncoder().encodeToString(Files.readAllBytes(clip)) + "\"}");
        assertThat(marengo.status()).as("Marengo is not served here").isIn(400, 404);
    }

    private static ApiResponse awaitJob(ApiClient client, String job) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        ApiResponse polled = client.get("/v1/embeddings/video/jobs/" + job);
        while (polled.status() == 200 && "in_progress".equals(polled.json().getString("status", "")) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            polled = client.get("/v1/embeddings/video/jobs/" + job);
        }
        return polled;
    }

    @SuppressWarnings("unchecked")
    private static JsonField<EmbeddingCreateParams.Input> imageItem(String url) {
        return (JsonField<EmbeddingCreateParams.Input>) (JsonField<?>) JsonValue.from(
                List.of(Map.of("type", "image_url", "image_url", Map.of("url", url))));
    }

    private static OpenAIClient sdk() {
        return OpenAIOkHttpClient.builder().apiKey(secret).baseUrl(server.uri("/v1").toString()).maxRetries(0)
                .timeout(Duration.ofSeconds(60)).build();
    }
}
