package org.milkmobs.application.port.out.search;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.milkmobs.application.port.out.VideoDetailsReadPort.VideoWithFacts;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.search.SearchFilters;
import org.milkmobs.domain.search.VectorMatch;
import org.milkmobs.domain.search.Visibility;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/**
 * The reads of a similar-videos request (ADR 0029): the source video with its asset vectors and its nearest candidates, and a
 * page's cards with their best-matching clips, each in one round trip where they took three and two.
 */
public interface SimilarReadPort {

    /** The modalities of a video's fused vector (ADR 0036): a request that weighs no other is answered by one k-NN. */
    Set<Modality> FUSED = Collections.unmodifiableSet(EnumSet.of(Modality.VISUAL, Modality.AUDIO));

    /** Whether the fused vector answers a request with {@code weights}: they weigh no modality beyond {@link #FUSED}'s. */
    static boolean fuses(ModalityWeights weights) {
        return weights.weights().entrySet().stream().allMatch(w -> w.getValue() == 0 || FUSED.contains(w.getKey()));
    }

    /**
     * The video with the modalities of its asset vectors of {@code model} (none when it has none yet) and, in the same round trip, its
     * nearest candidates by each of its asset vectors of VISUAL and the {@code alongside} modalities (ADR 0034): for each such
     * modality it has a vector of, the {@code k} matches nearest to that vector among the asset vectors of that modality (as
     * {@link VectorSearchPort#nearest}), the source and the videos with its exact bytes left out, each match with the
     * cosines of its other asset vectors of those modalities to the source's (none where either has none; computed as the match's
     * own, so a video scores the same whichever modality found it). No matches at all when the source has no visual asset vector.
     * Whether the caller may see the source is the caller's to decide: the matches are what {@code visibility} may see. Empty when
     * there is no such video.
     */
    Optional<SourceWithNearest> sourceWithNearest(VideoId video, EmbeddingModel model, Visibility visibility, SearchFilters filters,
                                                  Set<Modality> alongside, int k);

    /**
     * As {@link #sourceWithNearest} with every modality {@code weights} weighs alongside, in one k-NN where that takes one per
     * modality (ADR 0036): the {@code k} videos that score highest by {@code weights} (which the fused vector {@link #fuses}),
     * each with the cosines of its asset vectors of those modalities to the source's, nearest first. Scored as the legs are: a
     * modality the candidate has no vector of counts as unrelated (cosine 0), one the source has none of is not compared; the
     * visual cosine is always there, the audio one where both have an audio vector. No matches when the source has no visual
     * asset vector. Empty when there is no such video.
     */
    Optional<SourceWithFused> sourceWithFusedNearest(VideoId video, EmbeddingModel model, Visibility visibility, SearchFilters filters,
                                                     ModalityWeights weights, int k);

    /**
     * A page of look-alikes of {@code source}: its videos with their public facts (as {@code VideoDetailsReadPort.videosWithFacts},
     * unknown ids left out) and, for each video and each of {@code modalities}, its clips that best match any clip of the source
     * (as {@link VectorSearchPort#bestClipMatches}, at most {@code perVideo} per video and modality).
     */
    Page page(EmbeddingModel model, Set<Modality> modalities, VideoId source, Collection<VideoId> videos, int perVideo);

    /**
     * The source video and the modalities it has an asset vector of. Not the vectors: the k-NN reads them in its statement, and
     * nothing else needs them.
     */
    record Source(Video video, Set<Modality> assets) {

        public Source {
            Objects.requireNonNull(video, "video");
            assets = assets.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(assets));
        }
    }

    /** A nearest asset vector of one modality and the cosines of its video's asset vectors of the other modalities to the source's. */
    record AssetMatch(VectorMatch match, Map<Modality, Double> cosines) {

        public AssetMatch {
            Objects.requireNonNull(match, "match");
            cosines = Map.copyOf(cosines);
        }
    }

    /** The source and, by the modality searched, its nearest matches in order (nearest first). */
    record SourceWithNearest(Source source, Map<Modality, List<AssetMatch>> nearest) {

        public SourceWithNearest {
            Objects.requireNonNull(source, "source");
            Map<Modality, List<AssetMatch>> copy = new EnumMap<>(Modality.class);
            nearest.forEach((modality, matches) -> copy.put(modality, List.copyOf(matches)));
            nearest = Collections.unmodifiableMap(copy);
        }
    }

    /** A candidate of a fused k-NN: its video and the cosines of its asset vectors to the source's. */
    record FusedMatch(VideoId video, Map<Modality, Double> cosines) {

        public FusedMatch {
            Objects.requireNonNull(video, "video");
            cosines = Map.copyOf(cosines);
        }
    }

    /** The source and its nearest by the fused vector, nearest first. */
    record SourceWithFused(Source source, List<FusedMatch> nearest) {

        public SourceWithFused {
            Objects.requireNonNull(source, "source");
            nearest = List.copyOf(nearest);
        }
    }

    record Page(Map<VideoId, VideoWithFacts> videos, List<VectorMatch> clips) {

        public static final Page EMPTY = new Page(Map.of(), List.of());

        public Page {
            videos = Map.copyOf(videos);
            clips = List.copyOf(clips);
        }
    }
}
