package org.milkmobs.application.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.search.VectorSearchPort;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Vectors;
import org.milkmobs.domain.search.SearchFilters;
import org.milkmobs.domain.search.VectorMatch;
import org.milkmobs.domain.search.Visibility;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/**
 * The vector search twin: an exact scan of the embedding twin's vectors, with the SQL adapter's visibility and filters,
 * so search services can be tested without PostgreSQL. It knows no mobs: a mob filter is refused rather than ignored.
 */
public class InMemoryVectorSearch implements VectorSearchPort {

    private static final Comparator<VectorMatch> BEST_FIRST = Comparator.comparingDouble(VectorMatch::cosine).reversed()
            .thenComparing(VectorMatch::video).thenComparingDouble(m -> m.segment().startSeconds());

    private final LoadVideoPort videos;
    private final InMemoryEmbeddingStore embeddings;

    public InMemoryVectorSearch(LoadVideoPort videos, InMemoryEmbeddingStore embeddings) {
        this.videos = videos;
        this.embeddings = embeddings;
    }

    @Override
    public List<VectorMatch> nearest(NearestQuery query) {
        return candidates(query).flatMap(video -> embeddings.findEmbeddings(video.id(), query.model()).stream()
                        .filter(e -> e.scope() == query.scope() && query.modalities().contains(e.modality()))
                        .map(e -> new VectorMatch(video.id(), e.modality(), e.segment(), Vectors.cosine(e.vector(), query.vector()))))
                .sorted(BEST_FIRST).limit(query.k()).toList();
    }

    @Override
    public List<VectorMatch> bestClipMatches(EmbeddingModel model, Set<Modality> modalities, VideoId source, Collection<VideoId> candidates,
                                             int perVideo) {
        List<Embedding> sourceClips = clips(source, model, modalities);
        List<VectorMatch> best = new ArrayList<>();
        for (VideoId candidate : candidates) {
            for (Modality modality : modalities) {
                clips(candidate, model, Set.of(modality)).stream()
                        .map(clip -> new VectorMatch(candidate, modality, clip.segment(), sourceClips.stream()
                                .filter(s -> s.modality() == modality).mapToDouble(s -> Vectors.cosine(s.vector(), clip.vector()))
                                .max().orElse(Double.NaN)))
                        .filter(m -> !Double.isNaN(m.cosine())).sorted(BEST_FIRST).limit(perVideo).forEach(best::add);
            }
        }
        return best;
    }

    private List<Embedding> clips(VideoId video, EmbeddingModel model, Set<Modality> modalities) {
        return embeddings.findEmbeddings(video, model).stream().filter(e -> e.scope() == Scope.CLIP && modalities.contains(e.modality()))
                .toList();
    }

    private Stream<Video> candidates(NearestQuery query) {
        return embeddings.videos(query.model()).stream().map(videos::loadVideo).flatMap(Optional::stream)
                .filter(v -> query.excludedVideo().filter(v.id()::equals).isEmpty())
                .filter(v -> query.excludedContent().isEmpty() || v.media().map(m -> !m.contentHash().equals(query.excludedContent().get()))
                        .orElse(true))
                .filter(v -> visible(v, query.visibility()) && matches(v, query.filters()));
    }

    private static boolean visible(Video video, Visibility visibility) {
        return visibility.restrictedTo().map(viewer -> video.status() == VideoStatus.VALIDATED || video.owner().equals(viewer)).orElse(true);
    }

    private static boolean matches(Video video, SearchFilters filters) {
        if (filters.mob().isPresent()) {
            throw new UnsupportedOperationException("the vector search twin knows no mobs");
        }
        return (filters.statuses().isEmpty() || filters.statuses().contains(video.status()))
                && filters.owner().map(video.owner()::equals).orElse(true)
                && video.hashtags().values().containsAll(filters.hashtags().values())
                && filters.createdFrom().map(from -> !video.createdAt().isBefore(from)).orElse(true)
                && filters.createdTo().map(to -> video.createdAt().isBefore(to)).orElse(true);
    }
}
