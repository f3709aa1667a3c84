package org.milkmobs.adapters.rest.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.milkmobs.domain.InvalidValueException;

/**
 * Turns the raw fields of a request into value objects and collects every refusal, so a client
 * learns about all its invalid fields in one response instead of one per round trip.
 */
public final class RequestFields {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public <T> T read(Supplier<T> valueObject) {
        try {
            return valueObject.get();
        } catch (InvalidValueException e) {
            errors.add(new Problem.FieldError(e.field(), e.getMessage()));
            return null;
        }
    }

    /** @throws InvalidRequestException if any field was refused */
    public void check() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
