package org.milkmobs.domain.mob;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Names each mob by its most distinctive terms: TF-IDF, where a term scores by how often the mob's members use
 * it and how few other mobs do. Terms of the whole campaign name nothing: the campaign's own hashtags and
 * keywords, and any term nearly every member of the space uses, are left out. Hashtags come first; a mob they
 * cannot name falls back to on-screen words, then to words describing its look. A label is empty only when
 * the members offer no term at all.
 */
public final class MobLabels {

    /** A term used by at least this share of all members is the campaign's, not a mob's. */
    static final double CAMPAIGN_WIDE_SHARE = 0.8;
    /** Below this many members, a shared term is as likely a coincidence as the campaign's. */
    static final int CAMPAIGN_WIDE_MIN_MEMBERS = 4;

    private MobLabels() {
    }

    /**
     * @param membersByMob  for each mob, the terms of each member (a member's terms count once per member)
     * @param campaignTerms the campaign's hashtags and keywords, lower-case
     * @return for each mob, its label (up to {@code maxTerms} terms joined by " · ")
     */
    public static <K> Map<K, String> label(Map<K, List<MemberTerms>> membersByMob, Set<String> campaignTerms, int maxTerms) {
        Set<String> excluded = new HashSet<>(campaignTerms);
        excluded.addAll(usedByNearlyEveryMember(membersByMob));
        Map<K, String> labels = new LinkedHashMap<>();
        for (K mob : membersByMob.keySet()) {
            List<String> terms = distinctive(mob, membersByMob, excluded, maxTerms);
            if (terms.isEmpty()) {
                // every term is shared with every other mob: the mob's most frequent one still says what it is
                terms = frequent(membersByMob.get(mob), campaignTerms, maxTerms);
            }
            if (terms.isEmpty()) {
                terms = frequent(membersByMob.get(mob), Set.of(), maxTerms);
            }
            labels.put(mob, String.join(" · ", terms));
        }
        return labels;
    }

    /** The first tier (hashtags, screen words, look words) with terms that tell this mob apart from the others. */
    private static <K> List<String> distinctive(K mob, Map<K, List<MemberTerms>> membersByMob, Set<String> excluded, int maxTerms) {
        for (int tier = 0; tier < 3; tier++) {
            int t = tier;
            Map<K, Map<String, Integer>> counts = new LinkedHashMap<>();
            Map<String, Integer> mobsUsing = new HashMap<>();
            membersByMob.forEach((other, members) -> {
                Map<String, Integer> c = counts(members, m -> m.tiers().get(t), excluded);
                c.keySet().forEach(term -> mobsUsing.merge(term, 1, Integer::sum));
                counts.put(other, c);
            });
            int mobs = membersByMob.size();
            int members = Math.max(1, membersByMob.get(mob).size());
            List<Map.Entry<String, Double>> scored = new ArrayList<>();
            counts.get(mob).forEach((term, count) -> {
                // a term every mob uses tells them apart not at all; with a single mob, frequency alone decides
                double idf = mobs > 1 ? Math.log((double) mobs / mobsUsing.get(term)) : 1.0;
                double score = (double) count / members * idf;
                if (score > 0) {
                    scored.add(Map.entry(term, score));
                }
            });
            if (!scored.isEmpty()) {
                return top(scored, maxTerms);
            }
        }
        return List.of();
    }

    /** The most frequent terms of the first tier that has any, leaving out {@code excluded}. */
    private static List<String> frequent(List<MemberTerms> members, Set<String> excluded, int maxTerms) {
        for (int tier = 0; tier < 3; tier++) {
            int t = tier;
            List<Map.Entry<String, Double>> scored = new ArrayList<>();
            counts(members, m -> m.tiers().get(t), excluded).forEach((term, count) -> scored.add(Map.entry(term, (double) count)));
            if (!scored.isEmpty()) {
                return top(scored, maxTerms);
            }
        }
        return List.of();
    }

    private static <K> Set<String> usedByNearlyEveryMember(Map<K, List<MemberTerms>> membersByMob) {
        List<MemberTerms> everyone = membersByMob.values().stream().flatMap(List::stream).toList();
        Set<String> common = new HashSet<>();
        if (everyone.size() >= CAMPAIGN_WIDE_MIN_MEMBERS) {
            counts(everyone, m -> m.tiers().stream().flatMap(List::stream).toList(), Set.of()).forEach((term, count) -> {
                if (count >= CAMPAIGN_WIDE_SHARE * everyone.size()) {
                    common.add(term);
                }
            });
        }
        return common;
    }

    /** For each term, how many members use it. */
    private static Map<String, Integer> counts(List<MemberTerms> members, Function<MemberTerms, List<String>> terms, Set<String> excluded) {
        Map<String, Integer> counts = new HashMap<>();
        for (MemberTerms member : members) {
            terms.apply(member).stream().distinct().filter(term -> !excluded.contains(term)).forEach(term -> counts.merge(term, 1, Integer::sum));
        }
        return counts;
    }

    private static List<String> top(List<Map.Entry<String, Double>> scored, int maxTerms) {
        scored.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return scored.stream().limit(maxTerms).map(Map.Entry::getKey).toList();
    }
}
