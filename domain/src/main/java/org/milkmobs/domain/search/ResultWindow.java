package org.milkmobs.domain.search;

import java.util.List;
import java.util.Optional;
import org.milkmobs.domain.search.SearchHit.RankKey;

/**
 * Pages through a ranked result window by keyset: a page is the hits strictly after the previous page's
 * last key. The window is recomputed per page from the same candidates, so as long as the index is
 * unchanged no hit is shown twice and none is skipped.
 */
public final class ResultWindow {

    private ResultWindow() {
    }

    public static Slice page(List<SearchHit> hits, Optional<RankKey> after, int limit) {
        List<SearchHit> ranked = hits.stream().sorted(SearchHit.RANKING)
                .filter(hit -> after.isEmpty() || hit.key().compareTo(after.get()) > 0).toList();
        boolean more = ranked.size() > limit;
        List<SearchHit> page = more ? ranked.subList(0, limit) : ranked;
        return new Slice(page, more ? Optional.of(page.get(page.size() - 1).key()) : Optional.empty());
    }

    /** One page, and the key to continue after (empty on the last page). */
    public record Slice(List<SearchHit> hits, Optional<RankKey> next) {
        public Slice {
            hits = List.copyOf(hits);
        }
    }
}
