package org.milkmobs.adapters.persistence.search;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.adapters.persistence.video.VideoDetailsRows;
import org.milkmobs.application.port.out.VideoDetailsReadPort.VideoWithFacts;
import org.milkmobs.application.port.out.search.SimilarReadPort;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.application.port.out.search.SimilarReadPort.AssetMatch;
import org.milkmobs.application.port.out.search.SimilarReadPort.FusedMatch;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.search.SearchFilters;
import org.milkmobs.domain.search.Visibility;
import org.milkmobs.domain.search.VectorMatch;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/**
 * The reads around a similar-videos k-NN (ADR 0029): the source video and its asset vectors in one statement (the
 * embeddings by their primary key's prefix) sent with the k-NN, by the fused vector (ADR 0036) or by a leg per modality (ADR
 * 0034); and a page's cards (the read model's statement) with their best clips, both sent in one round trip.
 */
@Dependent
class SimilarReadSqlAdapter implements SimilarReadPort {

    /** The source video, one row with the modalities it has asset vectors of (mapping a whole video per modality cost CPU). */
    private static final String SOURCE = "SELECT " + VideoDetailsRows.VIDEO_COLUMNS + """
            , ARRAY(SELECT e.modality FROM embedding e
                    WHERE e.video_id = v.id AND e.model_id = ? AND e.dimension = ? AND e.scope = 'ASSET') AS modalities
            FROM video v
            WHERE v.id = ?
            """;

    private final Sql sql;

    @Inject
    SimilarReadSqlAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public Optional<SourceWithNearest> sourceWithNearest(VideoId video, EmbeddingModel model, Visibility visibility, SearchFilters filters,
                                                         Set<Modality> alongside, int k) {
        FirstRead read = FirstRead.of(video, model, visibility, filters, alongside, k);
        List<Sql.Query<AssetMatch>> legs = read.legs().stream()
                .map(leg -> new Sql.Query<>(leg.knn().statement(), row -> VectorSearchSqlAdapter.assetMatch(row, leg.others()))).toList();
        Set<Modality> assets = EnumSet.noneOf(Modality.class);
        // a generic plan for the k-NN (its limit a literal) where only visibility narrows it, outside a transaction (ADR 0033)
        Sql.Many<Video, AssetMatch> many = sql.queryManyAfter(VectorSearchSqlAdapter.Knn.similarSettings(filters), SOURCE,
                row -> source(row, assets), legs, read.parameters().toArray());
        if (many.first().isEmpty()) {
            return Optional.empty();
        }
        // a leg the source has no vector for ordered by NULL, its rows mean nothing; without a visual one there are no candidates
        Map<Modality, List<AssetMatch>> nearest = new EnumMap<>(Modality.class);
        if (assets.contains(Modality.VISUAL)) {
            for (int i = 0; i < read.legs().size(); i++) {
                Leg leg = read.legs().get(i);
                if (assets.contains(leg.searched())) {
                    nearest.put(leg.searched(), leg.knn().top(many.rest().get(i)));
                }
            }
        }
        return Optional.of(new SourceWithNearest(new Source(many.first().get(0), assets), nearest));
    }

    @Override
    public Optional<SourceWithFused> sourceWithFusedNearest(VideoId video, EmbeddingModel model, Visibility visibility, SearchFilters filters,
                                                            ModalityWeights weights, int k) {
        if (!SimilarReadPort.fuses(weights)) {
            throw new IllegalArgumentException("the fused vector has no " + weights.weights().keySet());
        }
        FusedRead read = FusedRead.of(video, model, visibility, filters, weights, k);
        Set<Modality> assets = EnumSet.noneOf(Modality.class);
        Sql.Many<Video, FusedMatch> many = sql.queryManyAfter(VectorSearchSqlAdapter.Knn.similarSettings(filters), SOURCE,
                row -> source(row, assets), List.of(new Sql.Query<>(read.knn().statement(), FusedKnn::match)), read.parameters().toArray());
        if (many.first().isEmpty()) {
            return Optional.empty();
        }
        // without a visual vector the source has no fused one: the k-NN's rows were ordered by NULL and mean nothing
        List<FusedMatch> nearest = assets.contains(Modality.VISUAL) ? read.knn().top(many.rest().get(0)) : List.of();
        return Optional.of(new SourceWithFused(new Source(many.first().get(0), assets), nearest));
    }

    /**
     * The statements of a similar request's first read by the fused vector after its settings: the source's row
     * ({@link #SOURCE}) and the fused k-NN (ADR 0036), and the parameters of both in order.
     */
    record FusedRead(FusedKnn knn, List<Object> parameters) {

        static FusedRead of(VideoId video, EmbeddingModel model, Visibility visibility, SearchFilters filters, ModalityWeights weights, int k) {
            FusedKnn knn = FusedKnn.of(video, model, candidates(video, visibility, filters), weights, k);
            List<Object> parameters = new ArrayList<>(List.of(model.id(), model.dimension(), video.value()));
            parameters.addAll(knn.parameters());
            return new FusedRead(knn, List.copyOf(parameters));
        }

        List<String> statements() {
            return List.of(SOURCE, knn.statement());
        }
    }

    /** The videos a similar request may find: those {@code visibility} and {@code filters} let through, but the source and its exact bytes. */
    private static SearchConditions candidates(VideoId video, Visibility visibility, SearchFilters filters) {
        SearchConditions conditions = SearchConditions.of(visibility, filters);
        conditions.and("v.id <> ?", video.value());
        // the source's exact bytes: '' (never a hash) when it has no media, so that nothing is left out for it
        conditions.and("v.content_sha256 IS DISTINCT FROM coalesce((SELECT c.content_sha256 FROM video c WHERE c.id = ?), '')",
                video.value());
        return conditions;
    }

    /**
     * The statements of a similar request's first read after its settings: the source's row ({@link #SOURCE}), then one leg per
     * modality searched (ADR 0034: its k-NN by the source's vector of it, each row with its cosines in the others), and the
     * parameters of them all in order.
     */
    record FirstRead(List<Leg> legs, List<Object> parameters) {

        static FirstRead of(VideoId video, EmbeddingModel model, Visibility visibility, SearchFilters filters, Set<Modality> alongside,
                            int k) {
            SearchConditions conditions = candidates(video, visibility, filters);
            List<Modality> searched = Stream.concat(Stream.of(Modality.VISUAL), alongside.stream()).distinct().sorted().toList();
            List<Object> parameters = new ArrayList<>(List.of(model.id(), model.dimension(), video.value()));
            List<Leg> legs = new ArrayList<>();
            for (Modality modality : searched) {
                Set<Modality> others = searched.stream().filter(m -> m != modality).collect(Collectors.toUnmodifiableSet());
                VectorSearchSqlAdapter.Knn knn = VectorSearchSqlAdapter.Knn.of(model, Scope.ASSET, Set.of(modality), conditions, k,
                        sourceVectors(video, model, modality), others);
                legs.add(new Leg(modality, knn, others));
                parameters.addAll(knn.parameters());
            }
            return new FirstRead(List.copyOf(legs), List.copyOf(parameters));
        }
    }

    /** One leg of a first read: the modality it searches by, its k-NN, and the modalities whose cosines its rows carry. */
    record Leg(Modality searched, VectorSearchSqlAdapter.Knn knn, Set<Modality> others) {
    }

    /** The source's own asset vectors, each read once in the statement (an InitPlan; NULL when it has none), searching by {@code leg}'s. */
    private static VectorSearchSqlAdapter.VectorSql sourceVectors(VideoId video, EmbeddingModel model, Modality leg) {
        String cast = VectorSearchSqlAdapter.cast(model);
        return new VectorSearchSqlAdapter.VectorSql() {
            @Override
            public String query(List<Object> parameters) {
                return alongside(leg, parameters);
            }

            @Override
            public String alongside(Modality modality, List<Object> parameters) {
                parameters.add(video.value());
                return "(SELECT s.vector FROM embedding s WHERE s.video_id = ? AND s.model_id = " + VectorSearchSqlAdapter.literal(model)
                        + " AND s.modality = '" + modality.name() + "' AND s.scope = 'ASSET' AND s.dimension = " + model.dimension()
                        + " ORDER BY s.start_seconds DESC LIMIT 1)" + cast;
            }
        };
    }

    private static Video source(ResultSet row, Set<Modality> assets) throws SQLException {
        for (String modality : (String[]) row.getArray("modalities").getArray()) {
            assets.add(Modality.valueOf(modality));
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
