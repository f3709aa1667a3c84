package org.milkmobs.adapters.persistence.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.domain.search.TextQuery;
import org.milkmobs.domain.search.Typos;

/**
 * Turns a {@link TextQuery} into PostgreSQL tsquery text for the {@code unaccented_english} configuration (ADR
 * 0021): every word must match, or the words written together must ({@code milk mob} finds {@code #milkmob});
 * the last word still being typed matches as a prefix; a word the catalogue does not hold also matches the
 * catalogue's words it could be a typo of ({@link Typos}), found through the trigram-indexed lexicon
 * {@code search_term}. The {@link Parsed#exact exact} reading leaves the typo readings out, so a
 * spelled-right match ranks above a typo's.
 */
final class IntentQueries {

    /** Shorter words have too many neighbours one edit away to guess which was meant. */
    static final int MIN_TYPO_LENGTH = 4;
    private static final int NEIGHBOURS_PER_WORD = 4;
    private static final int CANDIDATES_PER_WORD = 12;

    private final Sql sql;
    /** The last query read: a search, its snippets and its highlights pass the same query, read once. */
    private volatile Reading last;

    IntentQueries(Sql sql) {
        this.sql = sql;
    }

    /** Both readings of a query as tsquery text; {@code all} adds the typo readings to {@code exact}. */
    record Parsed(String exact, String all) {
    }

    Parsed parse(TextQuery query) {
        Reading reading = last;
        if (reading != null && reading.query() == query) {
            return reading.parsed();
        }
        Map<String, Set<String>> neighbours = neighbours(guessable(query));
        Parsed parsed = new Parsed(tsquery(query, Map.of()), tsquery(query, neighbours));
        last = new Reading(query, parsed);
        return parsed;
    }

    /** Kept by identity, not equality: the same search's calls share it, a later search reads the lexicon anew. */
    private record Reading(TextQuery query, Parsed parsed) {
    }

    static String tsquery(TextQuery query, Map<String, Set<String>> neighbours) {
        if (query.isEmpty()) {
            return "";
        }
        List<String> words = query.words();
        StringJoiner every = new StringJoiner(" & ", "(", ")");
        for (int i = 0; i < words.size(); i++) {
            every.add(alternatives(words.get(i), query.lastIsPrefix() && i == words.size() - 1, neighbours));
        }
        String include = query.joined()
                .map(joined -> "(" + every + " | " + alternatives(joined, query.lastIsPrefix(), neighbours) + ")")
                .orElse(every.toString());
        StringBuilder tsquery = new StringBuilder(include);
        for (String word : query.excluded()) {
            tsquery.append(" & !").append(lexeme(word));
        }
        return tsquery.toString();
    }

    private static String alternatives(String word, boolean prefix, Map<String, Set<String>> neighbours) {
        StringJoiner alternatives = new StringJoiner(" | ", "(", ")");
        alternatives.add(lexeme(word) + (prefix ? ":*" : ""));
        for (String neighbour : neighbours.getOrDefault(word, Set.of())) {
            alternatives.add(lexeme(neighbour));
        }
        return alternatives.toString();
    }

    /** A quoted lexeme; TextQuery's words and the lexicon's terms hold letters and digits only. */
    private static String lexeme(String word) {
        return "'" + word.replace("'", "") + "'";
    }

    private static List<String> guessable(TextQuery query) {
        List<String> words = new ArrayList<>(query.words());
        query.joined().ifPresent(words::add);
        words.removeIf(word -> word.length() < MIN_TYPO_LENGTH);
        return words;
    }

    /**
     * For each word the lexicon does not hold (nor, for the prefix being typed, starts a term of), the terms it
     * could be a typo of, closest first. The trigram index shortlists; {@link Typos} decides, since Levenshtein
     * would count a swap of two letters as two slips.
     */
    private Map<String, Set<String>> neighbours(List<String> words) {
        Map<String, Set<String>> neighbours = new HashMap<>();
        if (words.isEmpty()) {
            return neighbours;
        }
        sql.query("""
                SELECT q.word, t.term
                FROM unnest(?::text[]) AS q(word)
                CROSS JOIN LATERAL (
                    SELECT s.term FROM search_term s
                    WHERE s.term % q.word AND levenshtein_less_equal(s.term, q.word, 2) <= 2
                    ORDER BY levenshtein_less_equal(s.term, q.word, 2), similarity(s.term, q.word) DESC, s.term
                    LIMIT ?) t
                WHERE NOT EXISTS (SELECT 1 FROM search_term k WHERE k.term LIKE q.word || '%')
                """, row -> {
                    String word = row.getString("word");
                    String term = row.getString("term");
                    Set<String> close = neighbours.computeIfAbsent(word, w -> new LinkedHashSet<>());
                    if (close.size() < NEIGHBOURS_PER_WORD && Typos.couldMean(word, term)) {
                        close.add(term);
                    }
                    return term;
                }, words.toArray(String[]::new), CANDIDATES_PER_WORD);
        return neighbours;
    }
}
