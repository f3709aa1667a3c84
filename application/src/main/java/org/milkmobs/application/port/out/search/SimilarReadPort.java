package org.milkmobs.application.port.out.search;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.milkmobs.application.port.out.VideoDetailsReadPort.VideoWithFacts;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.search.VectorMatch;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/**
 * The reads of a similar-videos request around its k-NN (ADR 0029): the source video with its asset vectors, and a page's
 * cards with their best-matching clips, each in one round trip where they took two.
 */
public interface SimilarReadPort {

    /** The video with its asset vectors of {@code model}, by modality (none when it has none yet); empty when there is no such video. */
    Optional<Source> source(VideoId video, EmbeddingModel model);

    /**
     * A page of look-alikes of {@code source}: its videos with their public facts (as {@code VideoDetailsReadPort.videosWithFacts},
     * unknown ids left out) and, for each video and each of {@code modalities}, its clips that best match any clip of the source
     * (as {@link VectorSearchPort#bestClipMatches}, at most {@code perVideo} per video and modality).
     */
    Page page(EmbeddingModel model, Set<Modality> modalities, VideoId source, Collection<VideoId> videos, int perVideo);

    record Source(Video video, Map<Modality, float[]> assets) {

        public Source {
            Objects.requireNonNull(video, "video");
            Map<Modality, float[]> copy = new EnumMap<>(Modality.class);
            assets.forEach((modality, vector) -> copy.put(modality, vector.clone()));
            assets = Collections.unmodifiableMap(copy);
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
