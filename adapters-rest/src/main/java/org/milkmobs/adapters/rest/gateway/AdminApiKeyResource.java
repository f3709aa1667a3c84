package org.milkmobs.adapters.rest.gateway;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.milkmobs.adapters.rest.Roles;
import org.milkmobs.application.port.in.gateway.ApiKeysUseCase;
import org.milkmobs.application.port.in.gateway.ApiKeysUseCase.IssuedApiKey;
import org.milkmobs.domain.apikey.ApiKey;
import org.milkmobs.domain.budget.BudgetScope;

/**
 * The OpenAI-compatible gateway's API keys (ADR 0017): issued with a name (the secret is in the creation's answer
 * only), listed with their last use, revoked. A key's ceilings are set through {@code PUT /api/admin/budget} with
 * the key's {@code budgetScope}.
 */
@Path("/admin/api-keys")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminApiKeyResource {

    @Inject
    ApiKeysUseCase keys;

    @GET
    public ApiKeyList list() {
        return new ApiKeyList(keys.list().stream().map(ApiKeyResponse::from).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull CreateApiKeyRequest body) {
        IssuedApiKey issued = keys.create(body.name());
        return Response.status(Response.Status.CREATED).entity(IssuedApiKeyResponse.from(issued)).build();
    }

    /** Revokes the key (idempotent); it stays listed, with when it was revoked. */
    @DELETE
    @Path("/{keyId}")
    public ApiKeyResponse revoke(@PathParam("keyId") String keyId) {
        return ApiKeyResponse.from(keys.revoke(keyId));
    }

    public record CreateApiKeyRequest(@NotNull @Size(min = 1, max = 100) String name) {
    }

    public record ApiKeyList(List<ApiKeyResponse> items) {
    }

    public record ApiKeyResponse(String id, String name, String prefix, String budgetScope, boolean active, Instant createdAt,
                                 Instant revokedAt, Instant lastUsedAt) {
        static ApiKeyResponse from(ApiKey key) {
            return new ApiKeyResponse(key.id(), key.name(), key.prefix(), BudgetScope.apiKey(key.id()).wireName(), key.active(),
                    key.createdAt(), key.revokedAt().orElse(null), key.lastUsedAt().orElse(null));
        }
    }

    /** @param key the secret: shown here once, never again */
    public record IssuedApiKeyResponse(String id, String name, String prefix, String budgetScope, Instant createdAt, String key) {
        static IssuedApiKeyResponse from(IssuedApiKey issued) {
            ApiKey key = issued.key();
            return new IssuedApiKeyResponse(key.id(), key.name(), key.prefix(), BudgetScope.apiKey(key.id()).wireName(), key.createdAt(),
                    issued.secret());
        }
    }
}
