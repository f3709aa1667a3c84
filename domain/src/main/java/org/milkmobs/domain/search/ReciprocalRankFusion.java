package org.milkmobs.domain.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack et al., 2009): each list contributes 1 / (k + rank) per item; the fused
 * order needs no calibration between the lists' own scores. k = 60 as in the paper.
 */
public final class ReciprocalRankFusion {

    public static final int K = 60;

    private ReciprocalRankFusion() {
    }

    /** @return every item of the lists with its fused score, in no particular order */
    public static <T> Map<T, Double> fuse(List<List<T>> rankings) {
        Map<T, Double> fused = new LinkedHashMap<>();
        for (List<T> ranking : rankings) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                fused.merge(ranking.get(rank), 1.0 / (K + rank + 1), Double::sum);
            }
        }
        return fused;
    }

    /**
     * Fused scores scaled to [0, 1]: 1 for an item first in every list. The scale does not change the order;
     * it makes the score readable next to the other modes' scores.
     */
    public static <T> Map<T, Double> fuseNormalised(List<List<T>> rankings) {
        double best = rankings.size() / (double) (K + 1);
        Map<T, Double> fused = fuse(rankings);
        fused.replaceAll((item, score) -> best == 0 ? 0 : score / best);
        return fused;
    }
}
