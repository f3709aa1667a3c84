package org.milkmobs.adapters.persistence.embedding;

import com.pgvector.PGhalfvec;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.util.List;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.video.VideoId;

/** Embeddings in the {@code embedding} table, as {@code halfvec} (docs/adr/0006-vectors-as-halfvec.md). */
@Dependent
class EmbeddingSqlAdapter implements EmbeddingStore {

    /**
     * A video's vectors in one statement, one array per column: the statement-level triggers on {@code embedding} that keep its
     * fused vector (ADR 0036) then refresh it once for them all, not once per row as after a batch of single-row inserts.
     */
    private static final String INSERT = """
            INSERT INTO embedding (video_id, model_id, modality, scope, start_seconds, end_seconds, dimension, vector)
            SELECT ?, ?, r.modality, r.scope, r.start_seconds, r.end_seconds, ?, r.vector::halfvec
            FROM unnest(?::text[], ?::text[], ?::float8[], ?::float8[], ?::text[]) AS r(modality, scope, start_seconds, end_seconds, vector)
            """;

    private final Sql sql;

    @Inject
    EmbeddingSqlAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public void replaceEmbeddings(VideoId video, EmbeddingModel model, List<Embedding> embeddings) {
        int n = embeddings.size();
        String[] modalities = new String[n];
        String[] scopes = new String[n];
        Double[] starts = new Double[n];
        Double[] ends = new Double[n];
        String[] vectors = new String[n];
        for (int i = 0; i < n; i++) {
            Embedding e = embeddings.get(i);
            if (!e.model().equals(model)) {
                throw new IllegalArgumentException("an embedding of " + e.model() + " among those of " + model);
            }
            modalities[i] = e.modality().name();
            scopes[i] = e.scope().name();
            starts[i] = e.segment().startSeconds();
            ends[i] = e.segment().endSeconds();
            vectors[i] = new PGhalfvec(e.vector()).getValue();
        }
        sql.update("DELETE FROM embedding WHERE video_id = ? AND model_id = ?", video.value(), model.id());
        if (n > 0) {
            sql.update(INSERT, video.value(), model.id(), model.dimension(), modalities, scopes, starts, ends, vectors);
        }
    }

    @Override
    public List<Embedding> findEmbeddings(VideoId video, EmbeddingModel model) {
        return sql.query("""
                SELECT modality, scope, start_seconds, end_seconds, vector::text AS vector FROM embedding
                WHERE video_id = ? AND model_id = ? AND dimension = ?
                ORDER BY CASE modality WHEN 'VISUAL' THEN 0 WHEN 'AUDIO' THEN 1 WHEN 'TRANSCRIPTION' THEN 2 WHEN 'TEXT' THEN 3 ELSE 4 END,
                         CASE scope WHEN 'CLIP' THEN 0 ELSE 1 END, start_seconds
                """, row -> new Embedding(model, Modality.valueOf(row.getString("modality")), Scope.valueOf(row.getString("scope")),
                new Segment(row.getDouble("start_seconds"), row.getDouble("end_seconds")), vector(row.getString("vector"))),
                video.value(), model.id(), model.dimension());
    }

    static float[] vector(String text) throws SQLException {
        return new PGhalfvec(text).toArray();
    }
}
