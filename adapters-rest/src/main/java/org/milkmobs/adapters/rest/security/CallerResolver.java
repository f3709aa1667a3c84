package org.milkmobs.adapters.rest.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.milkmobs.adapters.rest.Roles;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;

/**
 * Turns the request's verified token into a {@link Caller}. The user id is the token's {@code sub}
 * (not the principal name, which MicroProfile JWT takes from {@code upn} first).
 * <p>
 * The token is the request's user principal itself, and an admin is a token whose {@code groups} hold
 * {@link Roles#ADMIN} (MP-JWT maps groups to roles one to one). Read that way, it costs nothing: the injected
 * {@code JsonWebToken} looked the security context up through CDI on each request, and
 * {@code isUserInRole} went through the container's permission check; the two were a third of an
 * authenticated one-video GET's time in the resource (ADR 0029). {@code @RolesAllowed} still asks the container.
 */
@RequestScoped
public class CallerResolver {

    @Context
    SecurityContext security;

    public Caller current() {
        Principal principal = security == null ? null : security.getUserPrincipal();
        String subject = principal instanceof JsonWebToken token ? token.getSubject() : null;
        if (subject == null) {
            throw new NotAuthorizedException("a bearer token is required", "Bearer");
        }
        UserId userId;
        try {
            userId = new UserId(subject);
        } catch (InvalidValueException e) {
            throw new NotAuthorizedException("the token's subject is not a valid user id", "Bearer");
        }
        Set<String> groups = ((JsonWebToken) principal).getGroups();
        return new Caller(userId, groups != null && groups.contains(Roles.ADMIN));
    }
}
