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
import java.util.Optional;
import java.util.Set;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.adapters.persistence.video.VideoDetailsRows;
import org.milkmobs.application.port.out.VideoDetailsReadPort.VideoWithFacts;
import org.milkmobs.application.port.out.search.SimilarReadPort;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
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
    public Optional<Source> source(VideoId video, EmbeddingModel model) {
        Map<Modality, float[]> assets = new EnumMap<>(Modality.class);
        List<Video> found = sql.query(SOURCE, row -> {
            String modality = row.getString("modality");
            if (modality != null) {
                assets.put(Modality.valueOf(modality), new PGhalfvec(row.getString("vector")).toArray());
            }
            return VideoDetailsRows.video(row);
        }, model.id(), model.dimension(), video.value());
        return found.stream().findFirst().map(v -> new Source(v, assets));
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
