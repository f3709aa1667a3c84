package org.milkmobs.adapters.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.gateway.GatewayUseCase.VideoVector;
import org.milkmobs.application.port.in.gateway.UploadEmbeddingsUseCase.Answer;
import org.milkmobs.application.port.in.gateway.UploadEmbeddingsUseCase.Source;
import org.milkmobs.application.port.in.gateway.UploadEmbeddingsUseCase.Status;

/** {@code POST /v1/embeddings/video} as the gateway reads a JSON body and writes its answers. */
class VideoEmbeddingsWireTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void aJsonBodyNamesAStoredVideoOrCarriesASmallFileAsADataUrlWithinTheLimit() throws Exception {
        try (VideoUploads.Request stored = VideoUploads.json(json("{\"model\":\"m\",\"video_id\":\"v-1\"}"), 100)) {
            assertThat(stored.videoId()).contains("v-1");
            assertThat(stored.file()).isEmpty();
        }
        String bytes = Base64.getEncoder().encodeToString("not really a video".getBytes());
        java.nio.file.Path copied;
        try (VideoUploads.Request file = VideoUploads.json(json("{\"model\":\"m\",\"file\":\"data:video/mp4;base64," + bytes + "\"}"), 100)) {
            copied = file.file().orElseThrow();
            assertThat(Files.readString(copied)).isEqualTo("not really a video");
        }
        assertThat(copied).as("the temporary copy is gone once the request is").doesNotExist();

        assertThatThrownBy(() -> VideoUploads.json(json("{\"model\":\"m\",\"file\":\"data:video/mp4;base64," + bytes + "\"}"), 10))
                .isInstanceOfSatisfying(GatewayRequestException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(400);
                    assertThat(e.error().param()).isEqualTo("file");
                    assertThat(e.getMessage()).contains("at most 10 bytes");
                });
        assertThatThrownBy(() -> VideoUploads.json(json("{\"model\":\"m\",\"file\":\"data:text/plain;base64," + bytes + "\"}"), 100))
                .hasMessageContaining("data:video/");
        assertThatThrownBy(() -> VideoUploads.json(json("{\"model\":\"m\"}"), 100)).hasMessageContaining("either video_id");
        assertThatThrownBy(() -> VideoUploads.json(json("{\"model\":\"m\",\"video_id\":\"v\",\"file\":\"data:video/mp4;base64,AA==\"}"), 100))
                .hasMessageContaining("either video_id");
    }

    @Test
    void aReadyAnswerIsOpenAisListWithEachSegmentsPlaceAndAJobSaysWhereToPollAndWhatCameOfIt() {
        List<VideoVector> vectors = List.of(new VideoVector("visual", "clip", 0, 6, new float[] {0.25f, -0.5f}),
                new VideoVector("audio", "asset", 0, 7.5, new float[] {1f, 0f}));
        Answer done = new Answer(Optional.of("vemb_1"), "marengo", Status.COMPLETED, Source.EMBEDDED, "video", 7.5, 7.5, vectors,
                Optional.empty(), Instant.ofEpochSecond(1_800_000_000));

        JsonObject list = VideoEmbeddingsJson.completed(done);
        JsonObject running = VideoEmbeddingsJson.job(new Answer(Optional.of("vemb_1"), "marengo", Status.IN_PROGRESS, Source.EMBEDDED, "video",
                7.5, 7.5, List.of(), Optional.empty(), Instant.ofEpochSecond(1_800_000_000)));
        JsonObject failed = VideoEmbeddingsJson.job(new Answer(Optional.of("vemb_2"), "marengo", Status.FAILED, Source.EMBEDDED, "audio",
                3, 0, List.of(), Optional.of("Marengo could not embed the audio file: silence"), Instant.ofEpochSecond(1_800_000_000)));

        assertThat(list.getString("object")).isEqualTo("list");
        assertThat(list.getJsonArray("data").getJsonObject(1).getString("object")).isEqualTo("embedding");
        assertThat(list.getJsonArray("data").getJsonObject(1).getInt("index")).isEqualTo(1);
        assertThat(list.getJsonArray("data").getJsonObject(0).getJsonArray("embedding").toString()).isEqualTo("[0.25,-0.5]");
        assertThat(list.getJsonArray("data").getJsonObject(1).getString("modality")).isEqualTo("audio");
        assertThat(list.getJsonArray("data").getJsonObject(1).getJsonNumber("end_sec").doubleValue()).isEqualTo(7.5);
        assertThat(list.getJsonObject("usage").getJsonNumber("media_seconds").doubleValue()).isEqualTo(7.5);
        assertThat(list.getJsonObject("usage").getInt("prompt_tokens")).isZero();
        assertThat(list.getString("source")).isEqualTo("embedded");
        assertThat(list.getString("job_id")).isEqualTo("vemb_1");
        assertThat(running.getString("status")).isEqualTo("in_progress");
        assertThat(running.getString("url")).isEqualTo("/v1/embeddings/video/jobs/vemb_1");
        assertThat(running.containsKey("result")).isFalse();
        assertThat(VideoEmbeddingsJson.job(done).getJsonObject("result").getJsonArray("data")).hasSize(2);
        assertThat(failed.getJsonObject("error").getString("message")).contains("silence");
    }
}
