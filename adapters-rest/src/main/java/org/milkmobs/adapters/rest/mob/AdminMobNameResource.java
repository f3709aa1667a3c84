package org.milkmobs.adapters.rest.mob;

import static org.milkmobs.adapters.rest.constraint.DomainRule.MOB_NAME;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.milkmobs.adapters.rest.Roles;
import org.milkmobs.adapters.rest.constraint.Conforms;
import org.milkmobs.adapters.rest.mob.MobResource.MobResponse;
import org.milkmobs.adapters.rest.security.CallerResolver;
import org.milkmobs.adapters.rest.support.PublicUrls;
import org.milkmobs.application.port.in.mob.MobsUseCase;
import org.milkmobs.application.port.in.mob.RenameMobUseCase;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobName;
import org.milkmobs.domain.user.Caller;

@Path("/admin/mobs/{mobId}/name")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminMobNameResource {

    @Inject
    RenameMobUseCase rename;

    @Inject
    MobsUseCase mobs;

    @Inject
    CallerResolver callers;

    @Inject
    PublicUrls urls;

    public record MobNameBody(@NotNull @Conforms(MOB_NAME) String name) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public MobResponse rename(@PathParam("mobId") String mobId, @Valid @NotNull MobNameBody body) {
        Caller caller = callers.current();
        MobId id = MobId.parse(mobId);
        rename.rename(id, new MobName(body.name()), caller);
        return MobResponse.from(mobs.mob(id, caller), urls);
    }
}
