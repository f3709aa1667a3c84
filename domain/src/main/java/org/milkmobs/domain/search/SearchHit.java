package org.milkmobs.domain.search;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.video.VideoId;

/**
 * One search result. {@code score} is what the results are ordered by; {@code modalityScores} are the
 * vector similarities per modality (each (1 + cosine) / 2, so 0.5 is "unrelated"); {@code moments} are the
 * best clips, best first (for a result per clip, exactly that clip); {@code snippet} is the text that
 * matched, where text did; {@code legs} are a fused hit's scores in each ranking it was fused from.
 */
public record SearchHit(VideoId video, double score, Map<Modality, Double> modalityScores, List<Moment> moments,
                        Optional<Snippet> snippet, Map<Leg, Double> legs) {

    /** Best first; ties broken by video id, then by where the first moment starts, so every order is total. */
    public static final Comparator<SearchHit> RANKING = Comparator.comparing(SearchHit::key);

    public SearchHit {
        Objects.requireNonNull(video, "video");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("a score is finite");
        }
        modalityScores = Map.copyOf(modalityScores);
        moments = List.copyOf(moments);
        Objects.requireNonNull(snippet, "snippet");
        legs = Map.copyOf(legs);
    }

    /** A hit of one ranking, not fused. */
    public SearchHit(VideoId video, double score, Map<Modality, Double> modalityScores, List<Moment> moments, Optional<Snippet> snippet) {
        this(video, score, modalityScores, moments, snippet, Map.of());
    }

    /** Cosine similarity as a score in [0, 1], the way OpenSearch's cosinesimil space scores it. */
    public static double scoreOf(double cosine) {
        return Math.max(0, Math.min(1, (1 + cosine) / 2));
    }

    /** This hit's place in the ranking, which is what a cursor remembers. */
    public RankKey key() {
        return new RankKey(score, video, moments.isEmpty() ? 0 : moments.get(0).segment().startSeconds());
    }

    public SearchHit withSnippet(Optional<Snippet> text) {
        return new SearchHit(video, score, modalityScores, moments, text, legs);
    }

    public SearchHit withMoments(List<Moment> best) {
        return new SearchHit(video, score, modalityScores, best, snippet, legs);
    }

    /** A place in a ranking: higher scores first, then video id, then clip start. */
    public record RankKey(double score, VideoId video, double clipStart) implements Comparable<RankKey> {

        public RankKey {
            Objects.requireNonNull(video, "video");
        }

        @Override
        public int compareTo(RankKey other) {
            int byScore = Double.compare(other.score, score);
            if (byScore != 0) {
                return byScore;
            }
            int byVideo = video.compareTo(other.video);
            return byVideo != 0 ? byVideo : Double.compare(clipStart, other.clipStart);
        }
    }
}
