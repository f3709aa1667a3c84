package org.milkmobs.application.service.search;

import java.util.List;
import org.milkmobs.application.port.in.ForbiddenException;
import org.milkmobs.application.port.in.search.SearchOptions;
import org.milkmobs.domain.search.VectorMatch;
import org.milkmobs.domain.search.Visibility;

/** What every search shares: who may find what, the score a clip must reach, and how many moments a hit shows. */
final class Searches {

    static final int MOMENTS_PER_VIDEO = 3;

    private Searches() {
    }

    /** Only admins filter by status; the caller's visibility otherwise. */
    static Visibility visibility(SearchOptions options) {
        if (!options.caller().admin() && !options.filters().statuses().isEmpty()) {
            throw new ForbiddenException("only admins filter by status; everyone else finds validated videos and their own");
        }
        return Visibility.of(options.caller());
    }

    static List<VectorMatch> clipsAbove(double threshold, List<VectorMatch> matches) {
        return matches.stream().filter(m -> m.score() >= threshold).toList();
    }

    /** The candidate window a search ranks: at least a full page, or the last page could never be filled. */
    static int window(int window) {
        if (window < SearchOptions.MAX_LIMIT) {
            throw new IllegalArgumentException("the result window must hold at least a full page (" + SearchOptions.MAX_LIMIT + ")");
        }
        return window;
    }
}
