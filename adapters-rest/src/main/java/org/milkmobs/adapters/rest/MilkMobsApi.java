package org.milkmobs.adapters.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The HTTP API under {@code /api}. Callers authenticate with a bearer JWT (MicroProfile JWT). It is a CDI
 * bean because Payara's JWT extension looks for {@link LoginConfig} on beans only.
 */
@ApplicationScoped
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.ADMIN})
public class MilkMobsApi extends Application {

    /**
     * Jersey's generated WADL ({@code /api/application.wadl}, and the body of every {@code OPTIONS}) would list
     * every resource to anyone; the OpenAPI document is the API's one description.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
