package org.milkmobs.application.port.in.search;

import java.util.Objects;
import java.util.Optional;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.search.GroupBy;
import org.milkmobs.domain.search.SearchFilters;
import org.milkmobs.domain.user.Caller;

/**
 * How to search, for every search: who asks, filters, the least vector score, one result per video or per clip, the page,
 * and for similar videos the weight of each modality when not the configured one ({@code mobs.weight.*}).
 */
public record SearchOptions(Caller caller, SearchFilters filters, double threshold, GroupBy groupBy, int limit, Optional<String> cursor,
                            Optional<ModalityWeights> weights) {

    public static final int MAX_LIMIT = 100;
    public static final double DEFAULT_THRESHOLD = 0.5;
    public static final int DEFAULT_LIMIT = 20;

    public SearchOptions {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(groupBy, "groupBy");
        Objects.requireNonNull(cursor, "cursor");
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new InvalidValueException("threshold", "threshold must be a number from 0 to 1, got " + threshold);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        Objects.requireNonNull(weights, "weights");
    }

    public SearchOptions(Caller caller, SearchFilters filters, double threshold, GroupBy groupBy, int limit, Optional<String> cursor) {
        this(caller, filters, threshold, groupBy, limit, cursor, Optional.empty());
    }
}
