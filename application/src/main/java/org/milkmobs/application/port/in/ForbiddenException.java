package org.milkmobs.application.port.in;

import org.milkmobs.domain.DomainException;

/** The caller is known but may not do this. */
public final class ForbiddenException extends DomainException {

    public ForbiddenException(String message) {
        super(message);
    }
}
