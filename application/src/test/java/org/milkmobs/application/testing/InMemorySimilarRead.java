package org.milkmobs.application.testing;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.VideoDetailsReadPort;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.application.port.out.search.SimilarReadPort;
import org.milkmobs.application.port.out.search.VectorSearchPort;
import org.milkmobs.application.port.out.search.VectorSearchPort.NearestQuery;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.search.SearchFilters;
import org.milkmobs.domain.search.Visibility;
import org.milkmobs.domain.video.VideoId;

/** The similar-videos reads' twin: the other twins asked in turn, as the SQL adapter's statements join their tables. */
public class InMemorySimilarRead implements SimilarReadPort {

    private final LoadVideoPort videos;
    private final EmbeddingStore embeddings;
    private final VectorSearchPort vectors;
    private final VideoDetailsReadPort details;

    public InMemorySimilarRead(LoadVideoPort videos, EmbeddingStore embeddings, VectorSearchPort vectors, VideoDetailsReadPort details) {
        this.videos = videos;
        this.embeddings = embeddings;
        this.vectors = vectors;
        this.details = details;
    }

    private Optional<Source> source(VideoId video, EmbeddingModel model) {
        return videos.loadVideo(video).map(found -> {
            Map<Modality, float[]> assets = new EnumMap<>(Modality.class);
            embeddings.findEmbeddings(video, model).stream().filter(e -> e.scope() == Scope.ASSET)
                    .forEach(e -> assets.put(e.modality(), e.vector()));
            return new Source(found, assets);
        });
    }

    @Override
    public Optional<SourceWithNearest> sourceWithNearest(VideoId video, EmbeddingModel model, Visibility visibility, SearchFilters filters,
                                                         Set<Modality> alongside, int k) {
        return source(video, model).map(source -> {
            float[] visual = source.assets().get(Modality.VISUAL);
            if (visual == null) {
                return new SourceWithNearest(source, List.of());
            }
            Map<Modality, float[]> compared = new EnumMap<>(Modality.class);
            alongside.stream().filter(m -> m != Modality.VISUAL && source.assets().containsKey(m)).forEach(m -> compared.put(m, source.assets().get(m)));
            return new SourceWithNearest(source, vectors.nearestAssets(new NearestQuery(model, Scope.ASSET, Set.of(Modality.VISUAL), visual,
                    visibility, filters, Optional.of(video), source.video().media().map(m -> m.contentHash()), k), compared));
        });
    }

    @Override
    public Page page(EmbeddingModel model, Set<Modality> modalities, VideoId source, Collection<VideoId> candidates, int perVideo) {
        if (candidates.isEmpty()) {
            return Page.EMPTY;
        }
        return new Page(details.videosWithFacts(candidates), vectors.bestClipMatches(model, modalities, source, candidates, perVideo));
    }
}
