package org.milkmobs.adapters.openai;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.milkmobs.application.port.in.gateway.GatewayUseCase.VideoVector;
import org.milkmobs.application.port.in.gateway.UploadEmbeddingsUseCase.Answer;

/**
 * The answers of {@code POST /v1/embeddings/video}: OpenAI's embeddings list, one item per segment with its place as extension fields
 * ({@code modality} — Marengo's embedding option —, {@code scope}, {@code start_sec}, {@code end_sec}); or, while the model works, a
 * job to poll at {@code /v1/embeddings/video/jobs/{id}}.
 */
final class VideoEmbeddingsJson {

    static final String JOBS_PATH = "/v1/embeddings/video/jobs/";

    private VideoEmbeddingsJson() {
    }

    /** The vectors in OpenAI's list shape; usage counts no tokens, and the media seconds this request paid for. */
    static JsonObject list(String model, List<VideoVector> vectors, double paidSeconds) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (int i = 0; i < vectors.size(); i++) {
            VideoVector v = vectors.get(i);
            JsonArrayBuilder values = Json.createArrayBuilder();
            for (float f : v.vector()) {
                // the float's shortest decimal form, not the double's long one
                values.add(new BigDecimal(Float.toString(f)));
            }
            data.add(Json.createObjectBuilder().add("object", "embedding").add("index", i).add("embedding", values)
                    .add("modality", v.modality()).add("scope", v.scope()).add("start_sec", v.startSeconds()).add("end_sec", v.endSeconds()));
        }
        return Json.createObjectBuilder().add("object", "list").add("data", data).add("model", model)
                .add("usage", Json.createObjectBuilder().add("prompt_tokens", 0).add("total_tokens", 0).add("media_seconds", paidSeconds)).build();
    }

    /** A finished upload: the list, and where the vectors came from. */
    static JsonObject completed(Answer answer) {
        JsonObjectBuilder json = Json.createObjectBuilder(list(answer.model(), answer.vectors(), answer.paidSeconds()))
                .add("source", answer.source().name().toLowerCase(Locale.ROOT)).add("kind", answer.kind());
        answer.jobId().ifPresent(id -> json.add("job_id", id));
        return json.build();
    }

    /** The job: its status, and its vectors (as the list) once completed, or its error once failed. */
    static JsonObject job(Answer answer) {
        String id = answer.jobId().orElseThrow();
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", id).add("object", "embedding.video.job")
                .add("status", answer.status().name().toLowerCase(Locale.ROOT)).add("model", answer.model()).add("kind", answer.kind())
                .add("media_seconds", answer.mediaSeconds()).add("created_at", answer.createdAt().getEpochSecond()).add("url", JOBS_PATH + id);
        switch (answer.status()) {
            case COMPLETED -> json.add("result", list(answer.model(), answer.vectors(), 0));
            case FAILED -> json.add("error", Json.createObjectBuilder().add("message", answer.failure().orElse("the model could not embed the file"))
                    .add("type", "server_error").add("code", "embedding_failed"));
            case IN_PROGRESS -> { }
        }
        return json.build();
    }
}
