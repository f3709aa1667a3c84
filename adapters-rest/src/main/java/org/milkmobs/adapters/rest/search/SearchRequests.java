package org.milkmobs.adapters.rest.search;

import java.time.Instant;
import java.util.List;

/**
 * The JSON request bodies of the searches, as the OpenAPI document describes them. The resource reads
 * bodies as JSON objects itself (through {@link SearchFields}) so that it can refuse unknown names, which
 * a binder would silently drop.
 */
public final class SearchRequests {

    private SearchRequests() {
    }

    public record FiltersRequest(
            String mob,
            String owner,
            List<String> hashtags,
            Instant createdFrom,
            Instant createdTo,
            List<String> status) {
    }

    public record TextSearchRequest(
            String query,
            FiltersRequest filters,
            Double threshold,
            String groupBy,
            Integer limit,
            String cursor) {
    }

    public record ImageSearchRequest(
            String image,
            FiltersRequest filters,
            Double threshold,
            String groupBy,
            Integer limit,
            String cursor) {
    }

    public record AudioSearchRequest(
            String audio,
            FiltersRequest filters,
            Double threshold,
            String groupBy,
            Integer limit,
            String cursor) {
    }
}
