package org.milkmobs.adapters.rest.problem;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} names the kind of problem; {@code errors} lists the
 * offending fields of a request, when there are any.
 */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors) {

    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public record FieldError(
            String field,
            String message) {
    }
}
