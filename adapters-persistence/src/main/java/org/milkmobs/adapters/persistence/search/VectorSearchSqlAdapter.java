package org.milkmobs.adapters.persistence.search;

import com.pgvector.PGhalfvec;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.search.SimilarReadPort.AssetMatch;
import org.milkmobs.application.port.out.search.VectorSearchPort;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.search.SearchFilters;
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
    /**
     * The HNSW scan's initial candidate list (pgvector's default). The iterative scan extends it until k rows
     * pass, so a deep window needs no larger list: a 200-row window read this way costs two thirds of what an
     * ef_search of 200 does, for a recall a point lower (ADR 0010).
     */
    private static final int EF_SEARCH = 40;

    private final Sql sql;

    @Inject
    VectorSearchSqlAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public List<VectorMatch> nearest(NearestQuery query) {
        Knn knn = knn(query);
        return knn.top(sql.queryAfter(Knn.SETTINGS, knn.statement(), VectorSearchSqlAdapter::match, knn.parameters().toArray()));
    }

    private static Knn knn(NearestQuery query) {
        EmbeddingModel model = query.model();
        SearchConditions conditions = SearchConditions.of(query.visibility(), query.filters());
        query.excludedVideo().ifPresent(video -> conditions.and("v.id <> ?", video.value()));
        query.excludedContent().ifPresent(hash -> conditions.and("v.content_sha256 IS DISTINCT FROM ?", hash.sha256()));
        String cast = cast(model);
        return Knn.of(model, query.scope(), query.modalities(), conditions, query.k(), new VectorSql() {
            @Override
            public String query(List<Object> parameters) {
                parameters.add(new PGhalfvec(query.vector()));
                return "?" + cast;
            }

            @Override
            public String alongside(Modality modality, List<Object> parameters) {
                throw new IllegalStateException("a k-NN by a bound vector reads no other modality's cosines");
            }
        }, Set.of());
    }

    static String cast(EmbeddingModel model) {
        return "::halfvec(" + model.dimension() + ")";
    }

    /** Where a k-NN's vectors come from: bound parameters, or (similar videos) read from the source video in the statement. */
    interface VectorSql {

        /** The SQL of the query vector, its parameters added to {@code parameters}. */
        String query(List<Object> parameters);

        /** The SQL of the vector the candidates' {@code modality} asset vectors are compared to, its parameters added. */
        String alongside(Modality modality, List<Object> parameters);
    }

    /**
     * The k-NN statement: the index scan inside a materialized CTE (so nothing outside can stop the planner
     * from using it), then, per row, the cosine of the same video's asset vector of each {@code alongside}
     * modality, looked up by primary key in the same round trip.
     */
    record Knn(String statement, List<Object> parameters, int k) {

        // relaxed_order: when filters discard candidates, the index scan goes on until k rows pass (pgvector
        // 0.8 iterative scans); rows may come slightly out of order, hence the re-sort outside. Both settings
        // hold for this transaction only (set_config's true), and go in the k-NN's own round trip (ADR 0029);
        // outside a transaction, statements sent in one round trip share one implicit transaction (SqlTest).
        static final String SETTINGS = "SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true), set_config('hnsw.ef_search', '"
                + EF_SEARCH + "', true)";

        /**
         * {@link #SETTINGS} and a generic plan for the k-NN (ADR 0033): its limit is written into the statement, so the plan
         * PostgreSQL caches for the server-prepared statement is the custom one's (the HNSW scan, each alongside vector looked
         * up by primary key) and it is not planned anew at every bind (1.3 of its 4.4 ms, timed in the database at 5k). Transaction-local
         * like the others, so it is only sent outside a transaction, where it ends with the round trip, and only where no
         * filter but visibility narrows the candidates (a selective filter's custom plan may read its rows otherwise).
         */
        static final String GENERIC_SETTINGS = SETTINGS + ", set_config('plan_cache_mode', 'force_generic_plan', true)";

        /** A similar request's settings, by whether its connection is in autocommit: {@link #GENERIC_SETTINGS} where they apply. */
        static Function<Boolean, String> similarSettings(SearchFilters filters) {
            boolean unfiltered = filters.equals(SearchFilters.NONE);
            return autocommit -> autocommit && unfiltered ? GENERIC_SETTINGS : SETTINGS;
        }

        /**
         * The limits written into k-NN statements: {@code k} rounded up to 1, 2, 3 or 5 times a power of ten, so that a few
         * statement texts serve every k (each its own server-prepared statement and cached plan) and the rows past {@code k}
         * are dropped after. A limit left a parameter would make a generic plan guess it large and scan every alongside vector.
         */
        static int limitFor(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("k must be positive, not " + k);
            }
            for (long decade = 1; ; decade *= 10) {
                for (int step : new int[] {1, 2, 3, 5}) {
                    if (step * decade >= k) {
                        return (int) Math.min(Integer.MAX_VALUE, step * decade);
                    }
                }
            }
        }

        /** The first {@code k} of the statement's rows (ordered by distance). */
        <T> List<T> top(List<T> rows) {
            return top(rows, k);
        }

        /** The first {@code k} of a k-NN's rows: its limit rounds {@code k} up ({@link #limitFor}). */
        static <T> List<T> top(List<T> rows, int k) {
            return rows.size() <= k ? rows : List.copyOf(rows.subList(0, k));
        }

        static Knn of(EmbeddingModel model, Scope scope, Set<Modality> searched, SearchConditions conditions, int k, VectorSql vectors,
                      Set<Modality> alongside) {
            // built by concatenation, not String.format: the format strings' parsing was a tenth of a similar request's
            // CPU in the server (JFR at 100k, ADR 0033)
            String cast = cast(model);
            String modelLiteral = literal(model);
            List<Object> parameters = new ArrayList<>();
            String query = vectors.query(parameters);
            parameters.addAll(conditions.parameters());
            String modalities = searched.stream().map(m -> "'" + m.name() + "'").sorted().collect(Collectors.joining(", "));
            StringBuilder columns = new StringBuilder();
            StringBuilder joins = new StringBuilder();
            for (Modality modality : alongside.stream().sorted().toList()) {
                String table = "a_" + modality.name().toLowerCase(Locale.ROOT);
                columns.append(", 1 - (").append(table).append(".vector <=> ").append(vectors.alongside(modality, parameters)).append(") AS ")
                        .append(cosineColumn(modality));
                joins.append("LEFT JOIN embedding ").append(table).append(" ON ").append(table).append(".video_id = n.video_id AND ")
                        .append(table).append(".model_id = ").append(modelLiteral).append(" AND ").append(table).append(".modality = '")
                        .append(modality.name()).append("'\n    AND ").append(table).append(".scope = 'ASSET' AND ").append(table)
                        .append(".dimension = ").append(model.dimension()).append('\n');
            }
            String statement = "WITH nearest AS MATERIALIZED (\n"
                    + "    SELECT e.video_id, e.modality, e.start_seconds, e.end_seconds,\n"
                    + "           e.vector" + cast + " <=> " + query + " AS distance\n"
                    + "    FROM embedding e JOIN video v ON v.id = e.video_id\n"
                    + "    WHERE e.model_id = " + modelLiteral + " AND e.scope = '" + scope.name() + "' AND e.dimension = " + model.dimension()
                    + " AND e.modality IN (" + modalities + ")" + conditions.sql() + "\n"
                    + "    ORDER BY distance\n"
                    + "    LIMIT " + limitFor(k) + "\n"
                    + ")\n"
                    + "SELECT n.video_id, n.modality, n.start_seconds, n.end_seconds, n.distance" + columns + " FROM nearest n\n"
                    + joins + "ORDER BY n.distance, n.video_id, n.start_seconds\n";
            return new Knn(statement, parameters, k);
        }
    }

    static VectorMatch match(ResultSet row) throws SQLException {
        return new VectorMatch(new VideoId(Sql.uuid(row, "video_id")), Modality.valueOf(row.getString("modality")),
                new Segment(row.getDouble("start_seconds"), row.getDouble("end_seconds")), 1 - row.getDouble("distance"));
    }

    /** A row of a k-NN with the cosines of {@code alongside} (absent where the candidate, or the vector compared to, has none). */
    static AssetMatch assetMatch(ResultSet row, Set<Modality> alongside) throws SQLException {
        Map<Modality, Double> cosines = new EnumMap<>(Modality.class);
        for (Modality modality : alongside) {
            double cosine = row.getDouble(cosineColumn(modality));
            if (!row.wasNull()) {
                cosines.put(modality, cosine);
            }
        }
        return new AssetMatch(match(row), cosines);
    }

    private static String cosineColumn(Modality modality) {
        return "cosine_" + modality.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public List<VectorMatch> bestClipMatches(EmbeddingModel model, Set<Modality> modalities, VideoId source, Collection<VideoId> candidates,
                                             int perVideo) {
        if (candidates.isEmpty() || modalities.isEmpty()) {
            return List.of();
        }
        return sql.query(BEST_CLIPS, VectorSearchSqlAdapter::clipMatch, bestClipParameters(model, modalities, source, candidates, perVideo));
    }

    /** Each candidate's clips that best match any of the source's, per modality (six parameters, {@link #bestClipParameters}). */
    static final String BEST_CLIPS = """
            SELECT video_id, modality, start_seconds, end_seconds, cosine FROM (
                SELECT c.video_id, c.modality, c.start_seconds, c.end_seconds, max(1 - (c.vector <=> s.vector)) AS cosine,
                       row_number() OVER (PARTITION BY c.video_id, c.modality
                                          ORDER BY max(1 - (c.vector <=> s.vector)) DESC, c.start_seconds) AS place
                FROM embedding c
                JOIN embedding s ON s.video_id = ? AND s.model_id = c.model_id AND s.dimension = c.dimension
                                AND s.modality = c.modality AND s.scope = 'CLIP'
                WHERE c.model_id = ? AND c.dimension = ? AND c.modality = ANY(?) AND c.scope = 'CLIP' AND c.video_id = ANY(?)
                GROUP BY c.video_id, c.modality, c.start_seconds, c.end_seconds
            ) ranked
            WHERE place <= ?
            ORDER BY video_id, modality, place
            """;

    static Object[] bestClipParameters(EmbeddingModel model, Set<Modality> modalities, VideoId source, Collection<VideoId> candidates,
                                       int perVideo) {
        return new Object[] {source.value(), model.id(), model.dimension(), modalities.stream().map(Enum::name).sorted().toArray(String[]::new),
                uuids(candidates), perVideo};
    }

    static VectorMatch clipMatch(ResultSet row) throws SQLException {
        return new VectorMatch(new VideoId(Sql.uuid(row, "video_id")), Modality.valueOf(row.getString("modality")),
                new Segment(row.getDouble("start_seconds"), row.getDouble("end_seconds")), row.getDouble("cosine"));
    }

    static UUID[] uuids(Collection<VideoId> videos) {
        return videos.stream().map(VideoId::value).distinct().toArray(UUID[]::new);
    }

    static String literal(EmbeddingModel model) {
        if (!SAFE_MODEL_ID.matcher(model.id()).matches()) {
            throw new IllegalArgumentException("model id " + model.id() + " has characters a model id never has");
        }
        return "'" + model.id() + "'";
    }
}
