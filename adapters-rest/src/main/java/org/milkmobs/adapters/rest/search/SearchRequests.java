package org.milkmobs.adapters.rest.search;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.milkmobs.adapters.rest.json.Closed;

/**
 * The JSON bodies of the search endpoints, as openapi.yaml has them, bound by JSON-B and checked by Bean Validation
 * like every other request record. They are {@link Closed}: a misspelt filter or option is a 400, never a wider search.
 * The values' own rules (a mob id, a date, a limit's range) stay with {@link SearchFields}, shared with the query
 * parameters and multipart fields.
 */
public final class SearchRequests {

    private SearchRequests() {
    }

    /** {@code filters}: every one given must hold. */
    @Closed
    public record Filters(String mob, String owner, List<String> hashtags, String createdFrom, String createdTo, List<String> status) {
    }

    /** What every search body takes besides its query: filters and paging. */
    public interface Paged {
        Filters filters();

        Double threshold();

        String groupBy();

        Integer limit();

        String cursor();
    }

    /** POST /search/videos. */
    @Closed
    public record TextSearchRequest(@NotNull String query, String mode, String fusion, Double alpha, @Valid Filters filters,
                                    Double threshold, String groupBy, Integer limit, String cursor) implements Paged {
    }

    /** POST /search/videos/by-image as JSON: the image in base64 (read by the one media-upload reader, with its cap). */
    @Closed
    public record ImageSearchRequest(String image, @Valid Filters filters, Double threshold, String groupBy, Integer limit,
                                     String cursor) implements Paged {
    }

    /** POST /search/videos/by-text-and-image as JSON. */
    @Closed
    public record TextImageSearchRequest(@NotNull String query, String image, String fusion, Double alpha, @Valid Filters filters,
                                         Double threshold, String groupBy, Integer limit, String cursor) implements Paged {
    }

    /** POST /search/videos/by-audio as JSON: the clip in base64. */
    @Closed
    public record AudioSearchRequest(String audio, @Valid Filters filters, Double threshold, String groupBy, Integer limit,
                                     String cursor) implements Paged {
    }
}
