package org.milkmobs.adapters.persistence.embedding;

import com.pgvector.PGhalfvec;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.util.ArrayList;
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

    private static final String INSERT = """
            INSERT INTO embedding (video_id, model_id, modality, scope, start_seconds, end_seconds, dimension, vector)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final Sql sql;

    @Inject
    EmbeddingSqlAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public void replaceEmbeddings(VideoId video, EmbeddingModel model, List<Embedding> embeddings) {
        List<Object[]> rows = new ArrayList<>();
        for (Embedding e : embeddings) {
            if (!e.model().equals(model)) {
                throw new IllegalArgumentException("an embedding of " + e.model() + " among those of " + model);
            }
            rows.add(new Object[] {video.value(), model.id(), e.modality().name(), e.scope().name(), e.segment().startSeconds(),
                e.segment().endSeconds(), model.dimension(), new PGhalfvec(e.vector())});
        }
        sql.update("DELETE FROM embedding WHERE video_id = ? AND model_id = ?", video.value(), model.id());
        sql.batch(INSERT, rows);
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
