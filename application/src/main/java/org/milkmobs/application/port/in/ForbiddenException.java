package org.milkmobs.application.port.in;

import org.milkmobs.domain.DomainException;
import org.milkmobs.domain.user.Caller;

/** The caller is known but may not do this. */
public final class ForbiddenException extends DomainException {

    public ForbiddenException(String message) {
        super(message);
    }

    /** The gate of every admin-only use case: refuses anyone but an admin, saying what only admins may do. */
    public static void unlessAdmin(Caller caller, String onlyAdmins) {
        if (!caller.admin()) {
            throw new ForbiddenException(onlyAdmins);
        }
    }
}
