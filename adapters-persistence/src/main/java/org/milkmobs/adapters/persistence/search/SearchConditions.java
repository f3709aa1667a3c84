package org.milkmobs.adapters.persistence.search;

import java.util.ArrayList;
import java.util.List;
import org.milkmobs.domain.search.SearchFilters;
import org.milkmobs.domain.search.Visibility;
import org.milkmobs.domain.video.VideoStatus;

/**
 * The WHERE conditions on {@code video v} that every search shares: who may see a video, and the filters.
 * Values are bind parameters, never text in the SQL.
 */
final class SearchConditions {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    static SearchConditions of(Visibility visibility, SearchFilters filters) {
        SearchConditions conditions = new SearchConditions();
        visibility.restrictedTo().ifPresent(viewer -> conditions.and("(v.status = 'VALIDATED' OR v.owner_id = ?)", viewer.value()));
        if (!filters.statuses().isEmpty()) {
            conditions.and("v.status = ANY(?::text[])", filters.statuses().stream().map(VideoStatus::name).toArray(String[]::new));
        }
        filters.owner().ifPresent(owner -> conditions.and("v.owner_id = ?", owner.value()));
        if (!filters.hashtags().isEmpty()) {
            conditions.and("v.hashtags @> ?::text[]", filters.hashtags().values().toArray(String[]::new));
        }
        filters.createdFrom().ifPresent(from -> conditions.and("v.created_at >= ?", from));
        filters.createdTo().ifPresent(to -> conditions.and("v.created_at < ?", to));
        filters.mob().ifPresent(mob -> conditions.and("EXISTS (SELECT 1 FROM mob_member mm WHERE mm.video_id = v.id AND mm.mob_id = ?)",
                mob.value()));
        return conditions;
    }

    SearchConditions and(String condition, Object parameter) {
        sql.append(" AND ").append(condition);
        parameters.add(parameter);
        return this;
    }

    /** The conditions, each starting with AND, to append to a WHERE clause. */
    String sql() {
        return sql.toString();
    }

    List<Object> parameters() {
        return parameters;
    }
}
