package org.milkmobs.adapters.rest.ping;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The API's cheapest answer: no use case, no database, no token needed (a token that comes is still checked).
 * Load balancers and clients use it to see that the API itself (not only the server, as {@code /health/live})
 * answers; the auth benchmark measures the authenticated request path against it.
 */
@Path("/ping")
@ApplicationScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PingResource {

    private static final Pong UP = new Pong("UP");

    @GET
    public Pong ping() {
        return UP;
    }

    public record Pong(String status) {
    }
}
