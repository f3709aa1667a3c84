package org.milkmobs.adapters.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The HTTP API under {@code /api}. Callers authenticate with a bearer JWT (MicroProfile JWT). It is a CDI
 * bean because Payara's JWT extension looks for {@link LoginConfig} on beans only.
 */
@ApplicationScoped
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.ADMIN})
@OpenAPIDefinition(
        info = @Info(title = "Milk Mobs API", version = "1.0",
                description = "Submit trend videos, browse feeds and mobs, search by text, image or audio, and administer the pipeline."),
        servers = @Server(url = "/"),
        security = @SecurityRequirement(name = "bearerAuth"))
@SecurityScheme(securitySchemeName = "bearerAuth", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT whose `sub` is the user id; admins also carry the group `admin`.")
public class MilkMobsApi extends Application {
}
