package org.milkmobs.application.testing;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.VideoDetailsReadPort;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.application.port.out.search.SimilarReadPort;
import org.milkmobs.application.port.out.search.VectorSearchPort;
import org.milkmobs.application.port.out.search.SimilarReadPort.AssetMatch;
import org.milkmobs.application.port.out.search.VectorSearchPort.NearestQuery;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Vectors;
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
        return videos.loadVideo(video).map(found -> new Source(found, assets(video, model).keySet()));
    }

    private Map<Modality, float[]> assets(VideoId video, EmbeddingModel model) {
        Map<Modality, float[]> assets = new EnumMap<>(Modality.class);
        embeddings.findEmbeddings(video, model).stream().filter(e -> e.scope() == Scope.ASSET).forEach(e -> assets.put(e.modality(), e.vector()));
        return assets;
    }

    @Override
    public Optional<SourceWithNearest> sourceWithNearest(VideoId video, EmbeddingModel model, Visibility visibility, SearchFilters filters,
                                                         Set<Modality> alongside, int k) {
        return source(video, model).map(source -> {
            Map<Modality, float[]> assets = assets(video, model);
            if (!assets.containsKey(Modality.VISUAL)) {
                return new SourceWithNearest(source, Map.of());
            }
            Map<Modality, float[]> searched = new EnumMap<>(Modality.class);
            Stream.concat(Stream.of(Modality.VISUAL), alongside.stream()).filter(assets::containsKey).forEach(m -> searched.put(m, assets.get(m)));
            Map<Modality, List<AssetMatch>> nearest = new EnumMap<>(Modality.class);
            searched.forEach((modality, vector) -> {
                Map<Modality, float[]> others = new EnumMap<>(searched);
                others.remove(modality);
                nearest.put(modality, vectors.nearest(new NearestQuery(model, Scope.ASSET, Set.of(modality), vector, visibility, filters,
                        Optional.of(video), source.video().media().map(m -> m.contentHash()), k)).stream()
                        .map(match -> new AssetMatch(match, cosines(match.video(), model, others))).toList());
            });
            return new SourceWithNearest(source, nearest);
        });
    }

    /** Every candidate the visual k-NN reaches, ordered by the weighted sum of its cosines (a modality it lacks counting 0). */
    @Override
    public Optional<SourceWithFused> sourceWithFusedNearest(VideoId video, EmbeddingModel model, Visibility visibility, SearchFilters filters,
                                                            ModalityWeights weights, int k) {
        if (!SimilarReadPort.fuses(weights)) {
            throw new IllegalArgumentException("the fused vector has no " + weights.weights().keySet());
        }
        return source(video, model).map(source -> {
            Map<Modality, float[]> assets = assets(video, model);
            if (!assets.containsKey(Modality.VISUAL)) {
                return new SourceWithFused(source, List.of());
            }
            Map<Modality, float[]> compared = new EnumMap<>(assets);
            compared.keySet().retainAll(FUSED);
            List<FusedMatch> nearest = vectors.nearest(new NearestQuery(model, Scope.ASSET, Set.of(Modality.VISUAL), assets.get(Modality.VISUAL),
                            visibility, filters, Optional.of(video), source.video().media().map(m -> m.contentHash()), Integer.MAX_VALUE)).stream()
                    .map(match -> new FusedMatch(match.video(), cosines(match.video(), model, compared)))
                    .sorted(Comparator.comparingDouble((FusedMatch match) -> weighted(match, weights)).reversed())
                    .limit(k).toList();
            return new SourceWithFused(source, nearest);
        });
    }

    private static double weighted(FusedMatch match, ModalityWeights weights) {
        return match.cosines().entrySet().stream().mapToDouble(c -> weights.weights().getOrDefault(c.getKey(), 0.0) * c.getValue()).sum();
    }

    /** The cosines of the video's asset vectors of {@code compared}'s modalities to those vectors (none where it has none). */
    private Map<Modality, Double> cosines(VideoId video, EmbeddingModel model, Map<Modality, float[]> compared) {
        Map<Modality, Double> cosines = new EnumMap<>(Modality.class);
        assets(video, model).forEach((modality, vector) -> {
            if (compared.containsKey(modality)) {
                cosines.put(modality, Vectors.cosine(vector, compared.get(modality)));
            }
        });
        return cosines;
    }

    @Override
    public Page page(EmbeddingModel model, Set<Modality> modalities, VideoId source, Collection<VideoId> candidates, int perVideo) {
        if (candidates.isEmpty()) {
            return Page.EMPTY;
        }
        return new Page(details.videosWithFacts(candidates), vectors.bestClipMatches(model, modalities, source, candidates, perVideo));
    }
}
