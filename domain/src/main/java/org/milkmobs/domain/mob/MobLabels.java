package org.milkmobs.domain.mob;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names each mob by its most distinctive terms (hashtags and on-screen words of its members): TF-IDF,
 * where a term scores by how often the mob's members use it and how few other mobs do.
 */
public final class MobLabels {

    private MobLabels() {
    }

    /**
     * @param termsByMob for each mob, the terms of each member (a member's terms count once per member)
     * @return for each mob, its label (up to {@code maxTerms} terms joined by " · "), empty for no terms
     */
    public static <K> Map<K, String> label(Map<K, List<List<String>>> termsByMob, int maxTerms) {
        Map<String, Integer> mobsUsing = new HashMap<>();
        Map<K, Map<String, Integer>> frequencies = new LinkedHashMap<>();
        termsByMob.forEach((mob, members) -> {
            Map<String, Integer> counts = new HashMap<>();
            for (List<String> memberTerms : members) {
                memberTerms.stream().distinct().forEach(term -> counts.merge(term, 1, Integer::sum));
            }
            counts.keySet().forEach(term -> mobsUsing.merge(term, 1, Integer::sum));
            frequencies.put(mob, counts);
        });
        int mobs = termsByMob.size();
        Map<K, String> labels = new LinkedHashMap<>();
        frequencies.forEach((mob, counts) -> {
            int members = Math.max(1, termsByMob.get(mob).size());
            List<Map.Entry<String, Double>> scored = new ArrayList<>();
            counts.forEach((term, count) -> {
                double tf = (double) count / members;
                // a term every mob uses tells them apart not at all; with a single mob, frequency alone decides
                double idf = mobs > 1 ? Math.log((double) mobs / mobsUsing.get(term)) : 1.0;
                if (tf * idf > 0) {
                    scored.add(Map.entry(term, tf * idf));
                }
            });
            scored.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            labels.put(mob, String.join(" · ", scored.stream().limit(maxTerms).map(Map.Entry::getKey).toList()));
        });
        return labels;
    }
}
