package org.milkmobs.adapters.persistence.search;

import com.pgvector.PGhalfvec;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.search.VectorSearchPort;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.search.VectorMatch;
import org.milkmobs.domain.video.VideoId;

/**
 * k-NN over the {@code embedding} table's HNSW indexes. Each index is partial on one model and scope and
 * built over {@code vector::halfvec(dimension)}, so the query must carry those as literals, not
 * parameters: only then can the planner prove the index applies (a generic plan never could). The model
 * id is checked against a strict pattern before it is written into the SQL.
 */
@Dependent
class VectorSearchSqlAdapter implements VectorSearchPort {

    private static final Pattern SAFE_MODEL_ID = Pattern.compile("[A-Za-z0-9._:/-]{1,128}");
    /** pgvector's bound on hnsw.ef_search. */
    private static final int MAX_EF_SEARCH = 1000;
    private static final int MIN_EF_SEARCH = 40;

    private final Sql sql;

    @Inject
    VectorSearchSqlAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public List<VectorMatch> nearest(NearestQuery query) {
        EmbeddingModel model = query.model();
        String cast = "::halfvec(" + model.dimension() + ")";
        SearchConditions conditions = SearchConditions.of(query.visibility(), query.filters());
        query.excludedVideo().ifPresent(video -> conditions.and("v.id <> ?", video.value()));
        query.excludedContent().ifPresent(hash -> conditions.and("v.content_sha256 IS DISTINCT FROM ?", hash.sha256()));
        String modalities = query.modalities().stream().map(m -> "'" + m.name() + "'").sorted().collect(Collectors.joining(", "));
        // relaxed_order: when filters discard candidates, the index scan goes on until k rows pass (pgvector
        // 0.8 iterative scans); rows may come slightly out of order, hence the re-sort outside.
        sql.update("SET LOCAL hnsw.iterative_scan = relaxed_order");
        sql.update("SET LOCAL hnsw.ef_search = " + Math.max(MIN_EF_SEARCH, Math.min(MAX_EF_SEARCH, query.k())));
        String statement = """
                WITH nearest AS MATERIALIZED (
                    SELECT e.video_id, e.modality, e.start_seconds, e.end_seconds,
                           e.vector%1$s <=> ?%1$s AS distance
                    FROM embedding e JOIN video v ON v.id = e.video_id
                    WHERE e.model_id = %2$s AND e.scope = '%3$s' AND e.dimension = %4$d AND e.modality IN (%5$s)%6$s
                    ORDER BY distance
                    LIMIT ?
                )
                SELECT video_id, modality, start_seconds, end_seconds, distance FROM nearest
                ORDER BY distance, video_id, start_seconds
                """.formatted(cast, literal(model), query.scope().name(), model.dimension(), modalities, conditions.sql());
        List<Object> parameters = new ArrayList<>();
        parameters.add(new PGhalfvec(query.vector()));
        parameters.addAll(conditions.parameters());
        parameters.add(query.k());
        return sql.query(statement, row -> new VectorMatch(new VideoId(Sql.uuid(row, "video_id")),
                Modality.valueOf(row.getString("modality")), new Segment(row.getDouble("start_seconds"), row.getDouble("end_seconds")),
                1 - row.getDouble("distance")), parameters.toArray());
    }

    @Override
    public Map<VideoId, Map<Modality, Double>> assetSimilarities(EmbeddingModel model, Map<Modality, float[]> vectors,
                                                                Collection<VideoId> videos) {
        Map<VideoId, Map<Modality, Double>> similarities = new HashMap<>();
        if (vectors.isEmpty() || videos.isEmpty()) {
            return similarities;
        }
        List<String> parts = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        vectors.forEach((modality, vector) -> {
            parts.add("""
                    SELECT video_id, modality, 1 - (vector <=> ?::halfvec) AS cosine FROM embedding
                    WHERE model_id = ? AND dimension = ? AND scope = 'ASSET' AND modality = ? AND video_id = ANY(?)
                    """);
            parameters.addAll(List.of(new PGhalfvec(model.check(vector)), model.id(), model.dimension(), modality.name(), uuids(videos)));
        });
        sql.query(String.join(" UNION ALL ", parts), row -> similarities
                .computeIfAbsent(new VideoId(Sql.uuid(row, "video_id")), v -> new EnumMap<>(Modality.class))
                .put(Modality.valueOf(row.getString("modality")), row.getDouble("cosine")), parameters.toArray());
        return similarities;
    }

    @Override
    public List<VectorMatch> bestClipMatches(EmbeddingModel model, Modality modality, VideoId source, Collection<VideoId> candidates,
                                             int perVideo) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        return sql.query("""
                SELECT video_id, start_seconds, end_seconds, cosine FROM (
                    SELECT c.video_id, c.start_seconds, c.end_seconds, max(1 - (c.vector <=> s.vector)) AS cosine,
                           row_number() OVER (PARTITION BY c.video_id
                                              ORDER BY max(1 - (c.vector <=> s.vector)) DESC, c.start_seconds) AS place
                    FROM embedding c
                    JOIN embedding s ON s.video_id = ? AND s.model_id = c.model_id AND s.dimension = c.dimension
                                    AND s.modality = c.modality AND s.scope = 'CLIP'
                    WHERE c.model_id = ? AND c.dimension = ? AND c.modality = ? AND c.scope = 'CLIP' AND c.video_id = ANY(?)
                    GROUP BY c.video_id, c.start_seconds, c.end_seconds
                ) ranked
                WHERE place <= ?
                ORDER BY video_id, place
                """, row -> new VectorMatch(new VideoId(Sql.uuid(row, "video_id")), modality,
                new Segment(row.getDouble("start_seconds"), row.getDouble("end_seconds")), row.getDouble("cosine")),
                source.value(), model.id(), model.dimension(), modality.name(), uuids(candidates), perVideo);
    }

    static UUID[] uuids(Collection<VideoId> videos) {
        return videos.stream().map(VideoId::value).distinct().toArray(UUID[]::new);
    }

    private static String literal(EmbeddingModel model) {
        if (!SAFE_MODEL_ID.matcher(model.id()).matches()) {
            throw new IllegalArgumentException("model id " + model.id() + " has characters a model id never has");
        }
        return "'" + model.id() + "'";
    }
}
