package org.milkmobs.domain.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.video.VideoId;

/** Turns clip matches into hits: one per video (scored by its best clip) or one per clip. */
public final class ClipGrouping {

    private static final Comparator<VectorMatch> BEST_FIRST = Comparator.comparingDouble(VectorMatch::cosine).reversed()
            .thenComparingDouble(m -> m.segment().startSeconds());

    private ClipGrouping() {
    }

    public static List<SearchHit> group(List<VectorMatch> matches, GroupBy groupBy, int momentsPerVideo) {
        return groupBy == GroupBy.CLIP ? byClip(matches) : byVideo(matches, momentsPerVideo);
    }

    /**
     * A hit per video: its score is its best clip's, its modality scores each modality's best clip, and its
     * moments the best clips (at most {@code momentsPerVideo}, one per stretch of the video).
     */
    public static List<SearchHit> byVideo(List<VectorMatch> matches, int momentsPerVideo) {
        Map<VideoId, List<VectorMatch>> byVideo = new LinkedHashMap<>();
        matches.forEach(m -> byVideo.computeIfAbsent(m.video(), v -> new ArrayList<>()).add(m));
        List<SearchHit> hits = new ArrayList<>();
        byVideo.forEach((video, clips) -> {
            clips.sort(BEST_FIRST);
            Map<Modality, Double> modalityScores = new EnumMap<>(Modality.class);
            clips.forEach(c -> modalityScores.merge(c.modality(), c.score(), Math::max));
            hits.add(new SearchHit(video, clips.get(0).score(), modalityScores, moments(clips, momentsPerVideo), Optional.empty()));
        });
        return hits;
    }

    /** A hit per clip, with that clip as its only moment. */
    public static List<SearchHit> byClip(List<VectorMatch> matches) {
        return matches.stream().map(m -> new SearchHit(m.video(), m.score(), Map.of(m.modality(), m.score()), List.of(m.moment()),
                Optional.empty())).toList();
    }

    /** The best clips, skipping one that covers the same stretch as a better one (another modality of it). */
    public static List<Moment> moments(List<VectorMatch> bestFirst, int limit) {
        List<Moment> moments = new ArrayList<>();
        for (VectorMatch clip : bestFirst) {
            if (moments.size() == limit) {
                break;
            }
            if (moments.stream().noneMatch(m -> m.segment().equals(clip.segment()))) {
                moments.add(clip.moment());
            }
        }
        return moments;
    }
}
