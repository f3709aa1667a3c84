package org.milkmobs.application.port;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing, and the opaque cursor of the next page (empty on the last). Cursors are
 * keyset positions, so pages stay consistent while rows are added.
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public Page {
        items = List.copyOf(items);
        nextCursor = nextCursor == null ? Optional.empty() : nextCursor;
    }

    public static <T> Page<T> of(List<T> items, String nextCursor) {
        return new Page<>(items, Optional.ofNullable(nextCursor));
    }
}
