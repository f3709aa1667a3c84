package org.milkmobs.adapters.rest.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.milkmobs.adapters.rest.problem.Problems;

/**
 * Every endpoint needs a verified token unless it is marked {@link PermitAll} (signed blob URLs carry
 * their own proof). Payara's JWT mechanism has already verified any token that came; this refuses
 * requests that came without one.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)
public class AuthenticationRequiredFilter implements ContainerRequestFilter {

    /** MP-JWT's own key for the clock skew its exp check allows; the iat check allows the same. */
    static final String CLOCK_SKEW = "mp.jwt.verify.clock.skew";
    static final long DEFAULT_SKEW_SECONDS = 60;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Principal caller = request.getSecurityContext().getUserPrincipal();
        if (caller instanceof JsonWebToken token && issuedInTheFuture(token)) {
            // Payara checks exp (with the skew) but not iat: a token dated ahead was minted by a broken or hostile issuer
            request.abortWith(Problems.unauthorized("the bearer token is issued in the future (iat); check the issuer's clock"));
            return;
        }
        if (caller != null || isPublic()) {
            return;
        }
        request.abortWith(Problems.unauthorized("a bearer token is required: send 'Authorization: Bearer <JWT>'"));
    }

    private static boolean issuedInTheFuture(JsonWebToken token) {
        long skew = ConfigProvider.getConfig().getOptionalValue(CLOCK_SKEW, Long.class).orElse(DEFAULT_SKEW_SECONDS);
        return token.getIssuedAtTime() > Instant.now().getEpochSecond() + skew;
    }

    private boolean isPublic() {
        return resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(PermitAll.class)
                    || resource.getResourceClass().isAnnotationPresent(PermitAll.class));
    }
}
