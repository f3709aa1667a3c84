package org.milkmobs.adapters.media.testing;

import java.util.HashMap;
import java.util.Map;

/** Standard measures of retrieval and clustering quality. */
public final class RetrievalMetrics {

    private RetrievalMetrics() {
    }

    /**
     * The adjusted Rand index of two labelings of the same items: 1 for identical partitions, about 0
     * for chance agreement (Hubert and Arabie, 1985).
     */
    public static double adjustedRandIndex(int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("labelings of different lengths");
        }
        Map<Long, Long> pairs = new HashMap<>();
        Map<Integer, Long> truthCounts = new HashMap<>();
        Map<Integer, Long> predictedCounts = new HashMap<>();
        for (int i = 0; i < truth.length; i++) {
            pairs.merge(((long) truth[i] << 32) | (predicted[i] & 0xFFFFFFFFL), 1L, Long::sum);
            truthCounts.merge(truth[i], 1L, Long::sum);
            predictedCounts.merge(predicted[i], 1L, Long::sum);
        }
        double index = pairs.values().stream().mapToDouble(RetrievalMetrics::choose2).sum();
        double truthSum = truthCounts.values().stream().mapToDouble(RetrievalMetrics::choose2).sum();
        double predictedSum = predictedCounts.values().stream().mapToDouble(RetrievalMetrics::choose2).sum();
        double expected = truthSum * predictedSum / choose2(truth.length);
        double max = (truthSum + predictedSum) / 2;
        return max == expected ? 1 : (index - expected) / (max - expected);
    }

    private static double choose2(long n) {
        return n * (n - 1) / 2.0;
    }
}
