package org.milkmobs.domain;

import java.util.Objects;

/** A value object refused its input. {@link #field()} names the input, so a client can point at it. */
public final class InvalidValueException extends DomainException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field);
    }

    public String field() {
        return field;
    }
}
