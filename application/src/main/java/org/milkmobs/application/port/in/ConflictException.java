package org.milkmobs.application.port.in;

import org.milkmobs.domain.DomainException;

/** The request is well-formed but clashes with the current state; it may succeed once that changes. */
public abstract class ConflictException extends DomainException {

    protected ConflictException(String message) {
        super(message);
    }
}
