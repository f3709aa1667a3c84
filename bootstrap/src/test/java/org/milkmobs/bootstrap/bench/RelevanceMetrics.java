package org.milkmobs.bootstrap.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The relevance benchmark's measures, on plain ids and labels so that they can be checked by hand (RelevanceMetricsTest). */
final class RelevanceMetrics {

    private RelevanceMetrics() {
    }

    /** The share of the first {@code k} results that are relevant; a short list counts its missing places as misses. */
    static double precisionAt(int k, List<String> ranked, Set<String> relevant) {
        long hits = ranked.stream().limit(k).filter(relevant::contains).count();
        return hits / (double) k;
    }

    /** nDCG@k with binary gains: DCG of the ranking over the DCG of an ideal ranking of min(k, |relevant|) hits. */
    static double ndcgAt(int k, List<String> ranked, Set<String> relevant) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /**
     * The adjusted Rand index (Hubert and Arabie) of two labellings of the same items: 1 when they group alike,
     * about 0 for a chance grouping. Both labellings being one cluster each (nothing to adjust for) counts as 1.
     */
    static <T> double adjustedRandIndex(Map<T, String> truth, Map<T, String> found) {
        if (!truth.keySet().equals(found.keySet())) {
            throw new IllegalArgumentException("the labellings cover different items");
        }
        Map<String, Map<String, Integer>> table = new HashMap<>();
        Map<String, Integer> rows = new HashMap<>();
        Map<String, Integer> columns = new HashMap<>();
        truth.forEach((item, label) -> {
            table.computeIfAbsent(label, l -> new HashMap<>()).merge(found.get(item), 1, Integer::sum);
            rows.merge(label, 1, Integer::sum);
            columns.merge(found.get(item), 1, Integer::sum);
        });
        double index = table.values().stream().flatMap(r -> r.values().stream()).mapToDouble(RelevanceMetrics::pairs).sum();
        double rowPairs = rows.values().stream().mapToDouble(RelevanceMetrics::pairs).sum();
        double columnPairs = columns.values().stream().mapToDouble(RelevanceMetrics::pairs).sum();
        double expected = rowPairs * columnPairs / pairs(truth.size());
        double max = (rowPairs + columnPairs) / 2;
        return max == expected ? 1 : (index - expected) / (max - expected);
    }

    /** Precision, recall and F1 of a found set against a true set (an empty found set has precision 1). */
    record Scores(double precision, double recall, double f1) {

        static <T> Scores of(Set<T> found, Set<T> truth) {
            long right = found.stream().filter(truth::contains).count();
            double precision = found.isEmpty() ? 1 : right / (double) found.size();
            double recall = truth.isEmpty() ? 1 : right / (double) truth.size();
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new Scores(precision, recall, f1);
        }
    }

    private static double pairs(int n) {
        return n * (n - 1) / 2.0;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
