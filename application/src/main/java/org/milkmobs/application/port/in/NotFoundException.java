package org.milkmobs.application.port.in;

import org.milkmobs.domain.DomainException;

/** The thing asked for does not exist (or the caller may not know it does). */
public abstract class NotFoundException extends DomainException {

    protected NotFoundException(String message) {
        super(message);
    }
}
