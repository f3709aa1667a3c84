package org.milkmobs.adapters.rest.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.milkmobs.adapters.rest.problem.Problems;

/**
 * Every endpoint needs a verified token unless it is marked {@link PermitAll} (signed blob URLs carry
 * their own proof). Payara's JWT mechanism has already verified any token that came; this refuses
 * requests that came without one.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)
public class AuthenticationRequiredFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() != null || isPublic()) {
            return;
        }
        request.abortWith(Problems.unauthorized("a bearer token is required: send 'Authorization: Bearer <JWT>'"));
    }

    private boolean isPublic() {
        return resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(PermitAll.class)
                    || resource.getResourceClass().isAnnotationPresent(PermitAll.class));
    }
}
