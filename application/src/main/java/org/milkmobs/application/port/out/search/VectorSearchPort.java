package org.milkmobs.application.port.out.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.search.SearchFilters;
import org.milkmobs.domain.search.VectorMatch;
import org.milkmobs.domain.search.Visibility;
import org.milkmobs.domain.video.ContentHash;
import org.milkmobs.domain.video.VideoId;

/**
 * Nearest-neighbour search over stored embeddings. Every method compares vectors of exactly one model:
 * a query never meets another model's (or dimension's) vectors.
 */
public interface VectorSearchPort {

    /**
     * Up to {@code k} stored vectors nearest to the query's, best first, with their exact cosine. It may be
     * approximate (an index) in which vectors it finds, but is deterministic for an unchanged store.
     */
    List<VectorMatch> nearest(NearestQuery query);

    /**
     * For each candidate and each of {@code modalities}, its clips that best match any clip of {@code source}
     * in that modality, at most {@code perVideo} per candidate and modality; cosines are the clip pair's.
     */
    List<VectorMatch> bestClipMatches(EmbeddingModel model, Set<Modality> modalities, VideoId source, Collection<VideoId> candidates,
                                      int perVideo);

    /**
     * @param excludedVideo   a video never returned (the one whose look-alikes are wanted)
     * @param excludedContent videos with these exact bytes are never returned (its duplicates)
     */
    record NearestQuery(EmbeddingModel model, Scope scope, Set<Modality> modalities, float[] vector, Visibility visibility,
                        SearchFilters filters, Optional<VideoId> excludedVideo, Optional<ContentHash> excludedContent, int k) {

        public NearestQuery {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(scope, "scope");
            modalities = Set.copyOf(modalities);
            if (modalities.isEmpty()) {
                throw new IllegalArgumentException("at least one modality is searched");
            }
            vector = model.check(vector).clone();
            Objects.requireNonNull(visibility, "visibility");
            Objects.requireNonNull(filters, "filters");
            Objects.requireNonNull(excludedVideo, "excludedVideo");
            Objects.requireNonNull(excludedContent, "excludedContent");
            if (k < 1) {
                throw new IllegalArgumentException("k >= 1");
            }
        }
    }
}
