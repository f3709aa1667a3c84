package org.milkmobs.adapters.rest.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Duration;
import java.util.Optional;
import org.milkmobs.adapters.rest.problem.Problems;

/**
 * Enforces {@link RateLimited} per authenticated user, after authentication and role checks and before any body
 * is read: past the allowance the answer is 429 with Retry-After in whole seconds (rounded up).
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHORIZATION + 10)
public class RateLimitFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Inject
    RateLimits limits;

    @Override
    public void filter(ContainerRequestContext request) {
        RateLimited limited = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(RateLimited.class);
        Principal user = request.getSecurityContext().getUserPrincipal();
        if (limited == null || user == null) {
            return; // anonymous requests to limited endpoints are refused by authentication already
        }
        Optional<Duration> wait = limits.acquire(limited.value(), user.getName());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            request.abortWith(Response.fromResponse(Problems.of(Response.Status.TOO_MANY_REQUESTS, "too-many-requests",
                    "too many " + limited.value().wireName() + " requests; try again in " + seconds + " s"))
                    .header("Retry-After", Long.toString(seconds)).build());
        }
    }
}
