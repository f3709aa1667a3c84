package org.milkmobs.adapters.rest.problem;

import java.util.List;

/** A request was malformed in one or more fields; all of them are reported at once. */
public final class InvalidRequestException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidRequestException(List<Problem.FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).message()
                : errors.size() + " fields are invalid: " + String.join("; ", errors.stream().map(Problem.FieldError::message).toList()));
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
