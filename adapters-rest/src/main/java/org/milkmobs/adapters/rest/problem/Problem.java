package org.milkmobs.adapters.rest.problem;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail. {@code type} names the kind of problem; {@code errors} lists the
 * offending fields of a request, when there are any.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details (media type application/problem+json)")
public record Problem(
        @Schema(description = "A URI naming the kind of problem", example = "urn:milkmobs:problem:invalid-request")
        String type,
        @Schema(description = "A short summary of the kind of problem", example = "Invalid request")
        String title,
        @Schema(description = "The HTTP status", example = "400")
        int status,
        @Schema(description = "What went wrong with this request, for a person to read",
                example = "title must not be blank")
        String detail,
        @Schema(description = "The request path", example = "/api/videos/submit")
        String instance,
        @Schema(description = "One entry per invalid field, when the request had invalid fields", nullable = true)
        List<FieldError> errors) {

    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "title") String field,
            @Schema(example = "title must not be blank") String message) {
    }
}
