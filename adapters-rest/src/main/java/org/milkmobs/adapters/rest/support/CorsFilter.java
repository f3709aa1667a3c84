package org.milkmobs.adapters.rest.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CORS for the browser origins in {@code cors.allowed-origins} (exact matches; none by default). A preflight from
 * an allowed origin is answered here, before authentication, since browsers send it without the token; any other
 * origin gets no CORS headers, so browsers keep its pages from reading our answers.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 100)
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, Range";
    static final String EXPOSED_HEADERS = "Retry-After, Location, Content-Range, Accept-Ranges, Content-Length";
    private static final String ORIGIN = "Origin";

    private final Set<String> allowedOrigins;

    protected CorsFilter() {
        this.allowedOrigins = Set.of();
    }

    @Inject
    public CorsFilter(@ConfigProperty(name = "cors.allowed-origins") Optional<String> allowedOrigins) {
        // a plain string split here: Payara's config producer cannot inject Optional<List<String>>
        this.allowedOrigins = Arrays.stream(allowedOrigins.orElse("").split(",")).map(String::strip).filter(o -> !o.isEmpty())
                .map(o -> o.replaceAll("/+$", "")).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString(ORIGIN);
        boolean preflight = HttpMethod.OPTIONS.equals(request.getMethod()) && request.getHeaderString("Access-Control-Request-Method") != null;
        if (preflight && origin != null && allowedOrigins.contains(origin)) {
            request.abortWith(Response.noContent()
                    .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
                    .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                    .header("Access-Control-Max-Age", "600")
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.add("Vary", ORIGIN);
        String origin = request.getHeaderString(ORIGIN);
        if (origin != null && allowedOrigins.contains(origin)) {
            headers.putSingle("Access-Control-Allow-Origin", origin);
            headers.putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
    }
}
