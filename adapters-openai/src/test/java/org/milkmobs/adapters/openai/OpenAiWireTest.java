package org.milkmobs.adapters.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.gateway.GatewayRefusedException;
import org.milkmobs.application.port.in.gateway.GatewayUseCase.ChatCompletion;
import org.milkmobs.application.port.in.gateway.GatewayUseCase.EmbeddingInput;
import org.milkmobs.application.port.in.gateway.GatewayUseCase.Embeddings;
import org.milkmobs.application.port.in.gateway.InvalidApiKeyException;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.budget.BudgetExhaustedException;

/** OpenAI's shapes as the gateway reads and writes them, and its errors for what went wrong. */
class OpenAiWireTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void anEmbeddingsRequestTakesAStringAnArrayAndImageItems() {
        String png = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        EmbeddingsJson.Parsed parsed = EmbeddingsJson.request(json("{\"model\":\"m\",\"input\":[\"milk\",{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"data:image/png;base64," + png + "\"}}],\"encoding_format\":\"base64\",\"dimensions\":512}"));

        assertThat(parsed.encoding()).isEqualTo(EmbeddingsJson.Encoding.BASE64);
        assertThat(parsed.request().dimensions()).contains(512);
        assertThat(parsed.request().inputs()).hasSize(2);
        assertThat(parsed.request().inputs().get(0)).isEqualTo(new EmbeddingInput.Text("milk"));
        assertThat(((EmbeddingInput.Image) parsed.request().inputs().get(1)).bytes()).startsWith((byte) 0x89);
        assertThat(EmbeddingsJson.request(json("{\"model\":\"m\",\"input\":\"one\"}")).request().inputs()).hasSize(1);
        assertThat(EmbeddingsJson.request(json("{\"model\":\"m\",\"input\":[{\"type\":\"image_url\",\"image_url\":"
                + "{\"url\":\"https://example.com/a.png\"}}]}")).request().inputs())
                .containsExactly(new EmbeddingInput.ImageUrl(java.net.URI.create("https://example.com/a.png")));
    }

    @Test
    void tokenArraysMalformedImagesAndUnknownEncodingsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> EmbeddingsJson.request(json("{\"model\":\"m\",\"input\":[[1,2,3]]}")))
                .isInstanceOfSatisfying(GatewayRequestException.class, e -> assertThat(e.error().param()).isEqualTo("input"));
        assertThatThrownBy(() -> EmbeddingsJson.request(json("{\"model\":\"m\",\"input\":[{\"type\":\"image_url\",\"image_url\":"
                + "{\"url\":\"not a url\"}}]}"))).hasMessageContaining("https://").hasMessageContaining("data:image");
        assertThatThrownBy(() -> EmbeddingsJson.request(json("{\"model\":\"m\",\"input\":[{\"type\":\"image_url\",\"image_url\":"
                + "{\"url\":\"data:text/plain,hello\"}}]}"))).hasMessageContaining("data:image");
        assertThatThrownBy(() -> EmbeddingsJson.request(json("{\"model\":\"m\",\"input\":\"x\",\"encoding_format\":\"int8\"}")))
                .isInstanceOfSatisfying(GatewayRequestException.class, e -> assertThat(e.error().param()).isEqualTo("encoding_format"));
        assertThatThrownBy(() -> EmbeddingsJson.request(json("{\"input\":\"x\"}")))
                .isInstanceOfSatisfying(GatewayRequestException.class, e -> assertThat(e.error().status()).isEqualTo(400));
    }

    @Test
    void base64VectorsAreLittleEndianFloat32AsOpenAiSendsThem() {
        StringWriter out = new StringWriter();
        EmbeddingsJson.write(new Embeddings("m", List.of(new float[] {0.5f, -1.25f}), 3), EmbeddingsJson.Encoding.BASE64, out);

        JsonObject body = json(out.toString());
        byte[] bytes = Base64.getDecoder().decode(body.getJsonArray("data").getJsonObject(0).getString("embedding"));
        ByteBuffer floats = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(floats.getFloat()).isEqualTo(0.5f);
        assertThat(floats.getFloat()).isEqualTo(-1.25f);
        assertThat(body.getJsonObject("usage").getInt("prompt_tokens")).isEqualTo(3);
    }

    @Test
    void aStreamedAnswerStartsWithTheRoleCarriesItsPiecesAndEndsWithItsFinishReasonAndUsage() {
        JsonObject role = ChatJson.roleChunk("chatcmpl-1", 1, "claude");
        JsonObject piece = ChatJson.textChunk("chatcmpl-1", 1, "claude", "hello ");
        List<JsonObject> closing = ChatJson.closingChunks("chatcmpl-1", 1, new ChatCompletion("claude", "hello there", "length", 4, 2));

        assertThat(List.of(role, piece, closing.get(0), closing.get(1)))
                .allSatisfy(c -> assertThat(c.getString("object")).isEqualTo("chat.completion.chunk"));
        assertThat(role.getJsonArray("choices").getJsonObject(0).getJsonObject("delta").getString("role")).isEqualTo("assistant");
        assertThat(piece.getJsonArray("choices").getJsonObject(0).getJsonObject("delta").getString("content")).isEqualTo("hello ");
        assertThat(closing.get(0).getJsonArray("choices").getJsonObject(0).getString("finish_reason")).isEqualTo("length");
        assertThat(closing.get(1).getJsonArray("choices")).isEmpty();
        assertThat(closing.get(1).getJsonObject("usage").getInt("total_tokens")).isEqualTo(6);
    }

    @Test
    void errorsKeepTheirMeaningInOpenAisTerms() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        OpenAiError quota = OpenAiErrors.of(new BudgetExhaustedException("the key:k day ceiling", now, now.plus(Duration.ofMinutes(90))));
        assertThat(quota.status()).isEqualTo(429);
        assertThat(quota.code()).isEqualTo("insufficient_quota");
        assertThat(quota.retryAfterHeader()).contains("5400");
        assertThat(quota.retryable()).isFalse();
        assertThat(quota.toJson().getJsonObject("error").getString("type")).isEqualTo("insufficient_quota");

        assertThat(OpenAiErrors.of(new InvalidApiKeyException("revoked")).status()).isEqualTo(401);
        assertThat(OpenAiErrors.of(upstream("ThrottlingException", false))).satisfies(e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.code()).isEqualTo("rate_limit_exceeded");
            assertThat(e.retryable()).isTrue();
        });
        assertThat(OpenAiErrors.of(upstream("ValidationException", true)).status()).isEqualTo(400);
        assertThat(OpenAiErrors.of(upstream("AccessDeniedException", true)).status()).isEqualTo(403);
        assertThat(OpenAiErrors.of(upstream("ServiceQuotaExceededException", true))).satisfies(e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.retryable()).isFalse();
        });
        assertThat(OpenAiErrors.of(new GatewayRefusedException(GatewayRefusedException.Reason.NOT_CONFIGURED, "model",
                "set gateway.chat.models")).toJson().toString()).contains("gateway.chat.models");
        OpenAiError internal = OpenAiErrors.of(new IllegalStateException("org.milkmobs.secret.Internals broke"));
        assertThat(internal.status()).isEqualTo(500);
        assertThat(internal.message()).doesNotContain("milkmobs");
    }

    private static AnalysisFailedException upstream(String code, boolean permanent) {
        return new AnalysisFailedException("Bedrock said " + code, permanent, code, null);
    }
}
