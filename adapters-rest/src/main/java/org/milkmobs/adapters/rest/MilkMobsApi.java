package org.milkmobs.adapters.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
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
}
