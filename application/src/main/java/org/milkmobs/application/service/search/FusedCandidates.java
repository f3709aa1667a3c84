package org.milkmobs.application.service.search;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.milkmobs.application.port.out.search.SimilarReadPort.FusedMatch;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.search.SearchHit;
import org.milkmobs.domain.video.VideoId;

/**
 * The candidates of a similar-videos request read by the fused vector (ADR 0036): the source's nearest by the weighted score
 * itself, {@code depth} deep, so the lowest of them bounds every video beyond (where the read did not run out first).
 */
final class FusedCandidates implements SimilarCandidates {

    /**
     * How far above the lowest read a video beyond may score: the k-NN orders by products of half-precision vectors and weights
     * (a relative error near 5e-4 each), the scores are the cosines weighed in double, so the two orders can part by about 1e-4
     * of a score. Twenty times that keeps the bound a bound.
     */
    static final double HALF_PRECISION_MARGIN = 2e-3;

    private final List<FusedMatch> nearest;
    private final Set<Modality> compared;
    private final int depth;

    /**
     * @param nearest  the read's candidates, nearest first
     * @param compared the modalities scored: the visual one, and each other weighed that the source has a vector of
     */
    FusedCandidates(List<FusedMatch> nearest, Set<Modality> compared, int depth) {
        this.nearest = nearest;
        this.compared = compared;
        this.depth = depth;
    }

    @Override
    public FusedCandidates nearest(int depth) {
        return new FusedCandidates(nearest.subList(0, Math.min(depth, nearest.size())), compared, depth);
    }

    @Override
    public Map<VideoId, Map<Modality, Double>> scores() {
        Map<VideoId, Map<Modality, Double>> scores = new LinkedHashMap<>();
        nearest.forEach(match -> scores.put(match.video(), scores(match)));
        return scores;
    }

    private Map<Modality, Double> scores(FusedMatch match) {
        Map<Modality, Double> its = new EnumMap<>(Modality.class);
        compared.forEach(modality -> its.put(modality, match.cosines().containsKey(modality)
                ? SearchHit.scoreOf(match.cosines().get(modality)) : UNRELATED));
        return its;
    }

    /**
     * The lowest score among the candidates (and {@link #HALF_PRECISION_MARGIN}): the read ordered every video by this very
     * score, so none beyond scores higher. Minus infinity when the read ran out before {@code depth}: it holds every candidate
     * there is.
     */
    @Override
    public double bound(ModalityWeights weights) {
        if (nearest.size() < depth) {
            return Double.NEGATIVE_INFINITY;
        }
        return nearest.stream().mapToDouble(match -> weights.combine(scores(match))).min().orElse(Double.NEGATIVE_INFINITY)
                + HALF_PRECISION_MARGIN;
    }
}
