package org.milkmobs.application.port.out;

import org.milkmobs.domain.DomainException;

/** Somebody else changed the same aggregate first; the caller may reload and try again. */
public final class ConcurrentUpdateException extends DomainException {

    public ConcurrentUpdateException(String what) {
        super(what + " was changed concurrently; reload it and try again");
    }
}
