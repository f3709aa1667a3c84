package org.milkmobs.application.port.in.search;

import java.time.Duration;

/** An audio search's answer: the results, or pending while the model embeds the clip asynchronously. */
public sealed interface AudioSearch {

    record Found(SearchResults results) implements AudioSearch {
    }

    /** The audio is still being embedded; ask again with {@code queryId} after {@code retryAfter}. */
    record Pending(String queryId, Duration retryAfter) implements AudioSearch {
    }
}
