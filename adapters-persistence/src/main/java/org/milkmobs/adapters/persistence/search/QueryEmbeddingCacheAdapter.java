package org.milkmobs.adapters.persistence.search;

import com.pgvector.PGhalfvec;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.search.QueryEmbeddingCache;
import org.milkmobs.domain.embedding.EmbeddingModel;

/** Cached query vectors in {@code query_embedding}, keyed by the SHA-256 of the key (texts may be long). */
@Dependent
class QueryEmbeddingCacheAdapter implements QueryEmbeddingCache {

    private final Sql sql;

    @Inject
    QueryEmbeddingCacheAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public Optional<CachedQuery> find(EmbeddingModel model, QueryKind kind, String key) {
        return sql.query("""
                SELECT vector::text AS vector, pending_handle, created_at FROM query_embedding
                WHERE model_id = ? AND kind = ? AND key_sha256 = ? AND (vector IS NULL OR vector_dims(vector) = ?)
                """, row -> {
            String vector = row.getString("vector");
            Instant at = Sql.instant(row, "created_at");
            return vector != null ? CachedQuery.ready(new PGhalfvec(vector).toArray(), at)
                    : CachedQuery.pending(row.getString("pending_handle"), at);
        }, model.id(), kind.name(), sha256(key), model.dimension()).stream().findFirst();
    }

    @Override
    public void store(EmbeddingModel model, QueryKind kind, String key, CachedQuery entry) {
        sql.update("""
                INSERT INTO query_embedding (model_id, kind, key_sha256, vector, pending_handle, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (model_id, kind, key_sha256) DO UPDATE
                    SET vector = EXCLUDED.vector, pending_handle = EXCLUDED.pending_handle, created_at = EXCLUDED.created_at
                """, model.id(), kind.name(), sha256(key), entry.vector().map(v -> new PGhalfvec(model.check(v))).orElse(null),
                entry.pendingHandle().orElse(null), entry.at());
    }

    @Override
    public int forgetOlderThan(Instant before) {
        return sql.update("DELETE FROM query_embedding WHERE created_at < ?", before);
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
