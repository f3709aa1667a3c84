package org.milkmobs.application.service.search;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.milkmobs.application.port.out.search.SimilarReadPort.AssetMatch;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.search.SearchHit;
import org.milkmobs.domain.video.VideoId;

/**
 * The candidates of a similar-videos request read by legs (ADR 0034): the union of its legs, the source's nearest by each of its asset
 * vectors (the visual one, and each modality weighed alongside), read {@code depth} deep; each candidate scored per modality;
 * and the threshold algorithm's bound on the score of a video in none of the legs.
 */
final class LegCandidates implements SimilarCandidates {

    private final Map<Modality, List<AssetMatch>> legs;
    private final int depth;

    LegCandidates(Map<Modality, List<AssetMatch>> legs, int depth) {
        this.legs = legs;
        this.depth = depth;
    }

    /** The legs cut to their nearest {@code depth}: what a shallower read would have found. */
    @Override
    public LegCandidates nearest(int depth) {
        Map<Modality, List<AssetMatch>> cut = new EnumMap<>(Modality.class);
        legs.forEach((modality, matches) -> cut.put(modality, matches.subList(0, Math.min(depth, matches.size()))));
        return new LegCandidates(cut, depth);
    }

    /**
     * Each candidate with its score per modality compared: a leg's own modality from its k-NN, the others from the match's
     * cosines (the same figures whichever leg found it), and a modality it has no vector of as unrelated (cosine 0), as the
     * mobs' fused vectors count it. A video without a visual asset vector is no candidate.
     */
    @Override
    public Map<VideoId, Map<Modality, Double>> scores() {
        Map<VideoId, Map<Modality, Double>> scores = new LinkedHashMap<>();
        legs.forEach((modality, matches) -> matches.stream()
                .filter(match -> modality == Modality.VISUAL || match.cosines().containsKey(Modality.VISUAL))
                .forEach(match -> scores.computeIfAbsent(match.match().video(), video -> {
                    Map<Modality, Double> its = new EnumMap<>(Modality.class);
                    legs.keySet().forEach(compared -> its.put(compared, UNRELATED));
                    its.put(modality, match.match().score());
                    match.cosines().forEach((other, cosine) -> its.put(other, SearchHit.scoreOf(cosine)));
                    return its;
                })));
        return scores;
    }

    /**
     * The highest score a video in none of the legs could have (the threshold algorithm's): in each leg's modality at most that
     * leg's lowest, or unrelated if it has no vector of it (all it can be where the leg ran out before {@code depth}, which then
     * holds every video that has one). Minus infinity when the visual leg ran out: every candidate is in it.
     */
    @Override
    public double bound(ModalityWeights weights) {
        if (legs.getOrDefault(Modality.VISUAL, List.of()).size() < depth) {
            return Double.NEGATIVE_INFINITY;
        }
        Map<Modality, Double> ceiling = new EnumMap<>(Modality.class);
        legs.forEach((modality, matches) -> ceiling.put(modality, modality == Modality.VISUAL ? lowest(matches) : ceilingBeside(matches)));
        return weights.combine(ceiling);
    }

    /** The highest score an unseen candidate can have in a modality beside the visual one, by that modality's leg. */
    private double ceilingBeside(List<AssetMatch> leg) {
        return leg.size() < depth ? UNRELATED : Math.max(lowest(leg), UNRELATED);
    }

    private static double lowest(List<AssetMatch> matches) {
        return matches.stream().mapToDouble(m -> m.match().score()).min().orElse(1);
    }
}
