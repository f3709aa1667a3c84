package org.milkmobs.adapters.persistence.gateway;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.adapters.persistence.JsonMaps;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.analysis.UploadedMedia;
import org.milkmobs.application.port.out.gateway.VideoEmbeddingJobs;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.video.ContentHash;

/** The gateway's upload embedding jobs in {@code gateway_video_job} (V41): segments as JSON, vectors as float32 bytes. */
@Dependent
class VideoEmbeddingJobsAdapter implements VideoEmbeddingJobs {

    private static final String COLUMNS = "id, api_key_id, model, content_sha256, kind, media_seconds, size_bytes, status, state, segments,"
            + " dimension, vectors, failure, created_at, updated_at";

    private final Sql sql;

    @Inject
    VideoEmbeddingJobsAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public boolean add(VideoEmbeddingJob job) {
        Stored vectors = Stored.of(job.vectors());
        return sql.update("INSERT INTO gateway_video_job (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO NOTHING", job.id(), job.apiKeyId(), job.model(), job.content().sha256(), job.kind().name(),
                job.mediaSeconds(), job.sizeBytes(), job.status().name(), JsonMaps.toJson(job.state()), vectors.segments(), vectors.dimension(),
                vectors.bytes(), job.failure().orElse(null), job.createdAt(), job.updatedAt()) == 1;
    }

    @Override
    public Optional<VideoEmbeddingJob> byId(String id) {
        return sql.query("SELECT " + COLUMNS + " FROM gateway_video_job WHERE id = ?", VideoEmbeddingJobsAdapter::job, id).stream().findFirst();
    }

    @Override
    public List<VideoEmbeddingJob> ofKey(String apiKeyId, String model, ContentHash content) {
        return sql.query("SELECT " + COLUMNS + " FROM gateway_video_job WHERE api_key_id = ? AND model = ? AND content_sha256 = ?"
                + " ORDER BY created_at DESC, id DESC", VideoEmbeddingJobsAdapter::job, apiKeyId, model, content.sha256());
    }

    @Override
    public Optional<VideoEmbeddingJob> anyUsable(String model, ContentHash content) {
        return sql.query("SELECT " + COLUMNS + " FROM gateway_video_job WHERE model = ? AND content_sha256 = ? AND status <> 'FAILED'"
                + " ORDER BY status = 'DONE' DESC, created_at, id LIMIT 1", VideoEmbeddingJobsAdapter::job, model, content.sha256())
                .stream().findFirst();
    }

    @Override
    public void updateState(String id, Map<String, String> state, Instant at) {
        sql.update("UPDATE gateway_video_job SET state = ?, updated_at = ? WHERE id = ? AND status = 'RUNNING'", JsonMaps.toJson(state), at, id);
    }

    @Override
    public void complete(String id, List<Embedding> vectors, Instant at) {
        Stored stored = Stored.of(vectors);
        sql.update("UPDATE gateway_video_job SET status = 'DONE', state = '{}', segments = ?, dimension = ?, vectors = ?, updated_at = ?"
                + " WHERE id = ? AND status = 'RUNNING'", stored.segments(), stored.dimension(), stored.bytes(), at, id);
    }

    @Override
    public void fail(String id, String reason, Instant at) {
        sql.update("UPDATE gateway_video_job SET status = 'FAILED', state = '{}', failure = ?, updated_at = ? WHERE id = ? AND status = 'RUNNING'",
                reason, at, id);
    }

    private static VideoEmbeddingJob job(ResultSet row) throws SQLException {
        String model = row.getString("model");
        int dimension = row.getInt("dimension");
        List<Embedding> vectors = row.wasNull() ? List.of() : Stored.read(new EmbeddingModel(model, dimension), row.getString("segments"),
                row.getBytes("vectors"));
        return new VideoEmbeddingJob(row.getString("id"), row.getString("api_key_id"), model, new ContentHash(row.getString("content_sha256")),
                UploadedMedia.Kind.valueOf(row.getString("kind")), row.getDouble("media_seconds"), row.getLong("size_bytes"),
                JobStatus.valueOf(row.getString("status")), JsonMaps.fromJson(row.getString("state")), vectors,
                Optional.ofNullable(row.getString("failure")), Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"));
    }

    /** Vectors as stored: where each one sits (JSON) and their floats (little-endian float32, in order). */
    private record Stored(Sql.Json segments, Integer dimension, byte[] bytes) {

        static Stored of(List<Embedding> vectors) {
            if (vectors.isEmpty()) {
                return new Stored(null, null, null);
            }
            int dimension = vectors.get(0).vector().length;
            JsonArrayBuilder segments = Json.createArrayBuilder();
            ByteBuffer bytes = ByteBuffer.allocate(vectors.size() * dimension * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (Embedding e : vectors) {
                segments.add(Json.createObjectBuilder().add("modality", e.modality().name()).add("scope", e.scope().name())
                        .add("start", e.segment().startSeconds()).add("end", e.segment().endSeconds()));
                for (float v : e.vector()) {
                    bytes.putFloat(v);
                }
            }
            return new Stored(new Sql.Json(segments.build().toString()), dimension, bytes.array());
        }

        static List<Embedding> read(EmbeddingModel model, String segments, byte[] bytes) {
            JsonArray where;
            try (JsonReader reader = Json.createReader(new StringReader(segments))) {
                where = reader.readArray();
            }
            ByteBuffer floats = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            List<Embedding> vectors = new ArrayList<>(where.size());
            for (JsonObject segment : where.getValuesAs(JsonObject.class)) {
                float[] vector = new float[model.dimension()];
                for (int i = 0; i < vector.length; i++) {
                    vector[i] = floats.getFloat();
                }
                vectors.add(new Embedding(model, Modality.valueOf(segment.getString("modality")), Scope.valueOf(segment.getString("scope")),
                        new Segment(segment.getJsonNumber("start").doubleValue(), segment.getJsonNumber("end").doubleValue()), vector));
            }
            return vectors;
        }
    }
}
