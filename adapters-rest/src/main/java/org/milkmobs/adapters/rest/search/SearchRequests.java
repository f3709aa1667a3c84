package org.milkmobs.adapters.rest.search;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON request bodies of the searches, as the OpenAPI document describes them. The resource reads
 * bodies as JSON objects itself (through {@link SearchFields}) so that it can refuse unknown names, which
 * a binder would silently drop.
 */
public final class SearchRequests {

    private SearchRequests() {
    }

    @Schema(name = "SearchFilters", description = "Narrows a search; every filter given must hold")
    public record FiltersRequest(
            @Schema(nullable = true, format = "uuid", description = "Only videos of this mob") String mob,
            @Schema(nullable = true, description = "Only videos of this user") String owner,
            @Schema(nullable = true, description = "Only videos carrying all of these hashtags") List<String> hashtags,
            @Schema(nullable = true, description = "Created at or after") Instant createdFrom,
            @Schema(nullable = true, description = "Created before") Instant createdTo,
            @Schema(nullable = true, description = "Admins only: only videos in these statuses", type = SchemaType.ARRAY,
                    implementation = String.class, enumeration = {"SUBMITTED", "UPLOADED", "PROCESSING", "DEFERRED", "ANALYZED",
                        "VALIDATED", "REJECTED", "FAILED"}) List<String> status) {
    }

    @Schema(name = "TextSearchRequest")
    public record TextSearchRequest(
            @Schema(required = true, maxLength = 1000, description = "Words, \"quoted phrases\", or -excluded words") String query,
            @Schema(nullable = true) FiltersRequest filters,
            @Schema(nullable = true, minimum = "0", maximum = "1", defaultValue = "0.5",
                    description = "The least vector score ((1 + cosine) / 2) a match needs") Double threshold,
            @Schema(nullable = true, type = SchemaType.STRING, enumeration = {"video", "clip"}, defaultValue = "video",
                    description = "One result per video (its best moments inside), or one per matching clip") String groupBy,
            @Schema(nullable = true, minimum = "1", maximum = "100", defaultValue = "20") Integer limit,
            @Schema(nullable = true, description = "The nextCursor of the previous page") String cursor) {
    }

    @Schema(name = "ImageSearchRequest")
    public record ImageSearchRequest(
            @Schema(required = true, format = "byte", description = "The image, base64-encoded (at most 5 MB decoded)") String image,
            @Schema(nullable = true) FiltersRequest filters,
            @Schema(nullable = true, minimum = "0", maximum = "1", defaultValue = "0.5") Double threshold,
            @Schema(nullable = true, type = SchemaType.STRING, enumeration = {"video", "clip"}, defaultValue = "video") String groupBy,
            @Schema(nullable = true, minimum = "1", maximum = "100", defaultValue = "20") Integer limit,
            @Schema(nullable = true) String cursor) {
    }

    @Schema(name = "AudioSearchRequest")
    public record AudioSearchRequest(
            @Schema(required = true, format = "byte", description = "The audio clip, base64-encoded (at most 10 MB decoded)") String audio,
            @Schema(nullable = true) FiltersRequest filters,
            @Schema(nullable = true, minimum = "0", maximum = "1", defaultValue = "0.5") Double threshold,
            @Schema(nullable = true, type = SchemaType.STRING, enumeration = {"video", "clip"}, defaultValue = "video") String groupBy,
            @Schema(nullable = true, minimum = "1", maximum = "100", defaultValue = "20") Integer limit,
            @Schema(nullable = true) String cursor) {
    }
}
