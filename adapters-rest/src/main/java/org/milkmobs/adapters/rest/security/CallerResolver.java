package org.milkmobs.adapters.rest.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.milkmobs.adapters.rest.Roles;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;

/**
 * Turns the request's verified token into a {@link Caller}. The user id is the token's {@code sub}
 * (not the principal name, which MicroProfile JWT takes from {@code upn} first).
 */
@RequestScoped
public class CallerResolver {

    @Inject
    JsonWebToken token;

    @Context
    SecurityContext security;

    public Caller current() {
        String subject = token == null ? null : token.getSubject();
        if (subject == null || security == null || security.getUserPrincipal() == null) {
            throw new NotAuthorizedException("a bearer token is required", "Bearer");
        }
        UserId userId;
        try {
            userId = new UserId(subject);
        } catch (InvalidValueException e) {
            throw new NotAuthorizedException("the token's subject is not a valid user id", "Bearer");
        }
        return new Caller(userId, security.isUserInRole(Roles.ADMIN));
    }
}
