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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.adapters.persistence.video.VideoDetailsRows;
import org.milkmobs.application.port.out.VideoDetailsReadPort.VideoWithFacts;
import org.milkmobs.application.port.out.search.SimilarReadPort;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.application.port.out.search.VectorSearchPort.AssetMatch;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.search.SearchFilters;
import org.milkmobs.domain.search.Visibility;
import org.milkmobs.domain.search.VectorMatch;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/**
 * The reads around a similar-videos k-NN (ADR 0029): the source video and its asset vectors in one statement (the
 * embeddings by their primary key's prefix), and a page's cards (the read model's statement) with their best clips, both
 * sent in one round trip.
 */
@Dependent
class SimilarReadSqlAdapter implements SimilarReadPort {

    private static final String SOURCE = "SELECT " + VideoDetailsRows.VIDEO_COLUMNS + """
            , e.modality, e.vector::text AS vector
            FROM video v
            LEFT JOIN embedding e ON e.video_id = v.id AND e.model_id = ? AND e.dimension = ? AND e.scope = 'ASSET'
            WHERE v.id = ?
            ORDER BY e.start_seconds
            """;

    private final Sql sql;

    @Inject
    SimilarReadSqlAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public Optional<SourceWithNearest> sourceWithNearest(VideoId video, EmbeddingModel model, Visibility visibility, SearchFilters filters,
                                                         Set<Modality> alongside, int k) {
        SearchConditions conditions = SearchConditions.of(visibility, filters);
        conditions.and("v.id <> ?", video.value());
        // the source's exact bytes: '' (never a hash) when it has no media, so that nothing is left out for it
        conditions.and("v.content_sha256 IS DISTINCT FROM coalesce((SELECT c.content_sha256 FROM video c WHERE c.id = ?), '')",
                video.value());
        String cast = VectorSearchSqlAdapter.cast(model);
        Set<Modality> compared = alongside.stream().filter(m -> m != Modality.VISUAL).collect(Collectors.toUnmodifiableSet());
        VectorSearchSqlAdapter.Knn knn = VectorSearchSqlAdapter.Knn.of(model, Scope.ASSET, Set.of(Modality.VISUAL), conditions, k,
                new VectorSearchSqlAdapter.VectorSql() {
                    @Override
                    public String query(List<Object> parameters) {
                        return alongside(Modality.VISUAL, parameters);
                    }

                    /** The source's own asset vector, read once in the statement (an InitPlan); NULL when it has none. */
                    @Override
                    public String alongside(Modality modality, List<Object> parameters) {
                        parameters.add(video.value());
                        return "(SELECT s.vector FROM embedding s WHERE s.video_id = ? AND s.model_id = " + VectorSearchSqlAdapter.literal(model)
                                + " AND s.modality = '" + modality.name() + "' AND s.scope = 'ASSET' AND s.dimension = " + model.dimension()
                                + " ORDER BY s.start_seconds DESC LIMIT 1)" + cast;
                    }
                }, compared);
        List<Object> parameters = new ArrayList<>(List.of(model.id(), model.dimension(), video.value()));
        parameters.addAll(knn.parameters());
        Map<Modality, float[]> assets = new EnumMap<>(Modality.class);
        // a generic plan for the k-NN (its limit a literal) where only visibility narrows it, outside a transaction (ADR 0033)
        Sql.Both<Video, AssetMatch> both = sql.queryBothAfter(VectorSearchSqlAdapter.Knn.similarSettings(filters), SOURCE, row -> source(row, assets), knn.statement(), row -> VectorSearchSqlAdapter.assetMatch(row, compared), parameters.toArray());
        if (both.first().isEmpty()) {
            return Optional.empty();
        }
        // no visual asset vector: the k-NN ordered by NULL, its rows mean nothing
        List<AssetMatch> nearest = assets.containsKey(Modality.VISUAL) ? knn.top(both.second()) : List.of();
        return Optional.of(new SourceWithNearest(new Source(both.first().get(0), assets), nearest));
    }

    private static Video source(ResultSet row, Map<Modality, float[]> assets) throws SQLException {
        String modality = row.getString("modality");
        if (modality != null) {
            assets.put(Modality.valueOf(modality), new PGhalfvec(row.getString("vector")).toArray());
        }
        return VideoDetailsRows.video(row);
    }

    @Override
    public Page page(EmbeddingModel model, Set<Modality> modalities, VideoId source, Collection<VideoId> videos, int perVideo) {
        if (videos.isEmpty()) {
            return Page.EMPTY;
        }
        Object ids = VectorSearchSqlAdapter.uuids(videos);
        if (modalities.isEmpty()) {
            return new Page(byId(sql.query(VideoDetailsRows.MANY, VideoDetailsRows::withFacts, ids)), List.of());
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(ids);
        parameters.addAll(List.of(VectorSearchSqlAdapter.bestClipParameters(model, modalities, source, videos, perVideo)));
        Sql.Both<VideoWithFacts, VectorMatch> both = sql.queryBoth(VideoDetailsRows.MANY, VideoDetailsRows::withFacts,
                VectorSearchSqlAdapter.BEST_CLIPS, VectorSearchSqlAdapter::clipMatch, parameters.toArray());
        return new Page(byId(both.first()), both.second());
    }

    private static Map<VideoId, VideoWithFacts> byId(List<VideoWithFacts> videos) {
        Map<VideoId, VideoWithFacts> byId = new HashMap<>();
        videos.forEach(v -> byId.put(v.video().id(), v));
        return byId;
    }
}
