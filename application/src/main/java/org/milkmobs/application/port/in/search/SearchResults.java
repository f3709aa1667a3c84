package org.milkmobs.application.port.in.search;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.search.RanLeg;
import org.milkmobs.domain.search.SearchHit;
import org.milkmobs.domain.search.SearchMode;
import org.milkmobs.domain.video.Video;

/**
 * A page of results, of any search. {@code mode} says what they are based on, {@code model} whose vectors were compared,
 * {@code note} anything a user should be told about them; image and audio searches carry the {@code queryId} that pages on
 * without sending the file again; a composed (text and image) search names the {@code legs} that ran and what each ranked by.
 */
public record SearchResults(SearchMode mode, String model, Optional<String> note, Optional<String> queryId, List<SearchResult> items,
                            Optional<String> nextCursor, List<RanLeg> legs) {

    public SearchResults {
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(queryId, "queryId");
        items = List.copyOf(items);
        legs = List.copyOf(legs);
    }

    public SearchResults(SearchMode mode, String model, Optional<String> note, Optional<String> queryId, List<SearchResult> items,
                         Optional<String> nextCursor) {
        this(mode, model, note, queryId, items, nextCursor, List.of());
    }

    public record SearchResult(VideoCard video, SearchHit hit) {
    }

    /** What a result list shows of a video. */
    public record VideoCard(Video video, Optional<URI> thumbnailUrl, Optional<MobId> mob) {
    }
}
