package org.milkmobs.adapters.rest.mob;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.milkmobs.adapters.rest.Roles;
import org.milkmobs.adapters.rest.problem.InvalidRequestException;
import org.milkmobs.adapters.rest.security.CallerResolver;
import org.milkmobs.application.port.in.mob.ReclusterUseCase;
import org.milkmobs.domain.mob.ReclusterRun;

@Path("/admin/mobs/recluster")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminMobResource {

    @Inject
    ReclusterUseCase recluster;

    @Inject
    CallerResolver callers;

    public record RunResponse(String runId, String status,
                              String trigger, String phase,
                              double progress, Instant startedAt,
                              Instant finishedAt, Integer k,
                              Double inertia, Integer videos,
                              Integer moved, String error) {
        static RunResponse from(ReclusterRun r) {
            return new RunResponse(r.id().toString(), r.status(), r.trigger(), r.phase(), r.progress(), r.startedAt(), r.finishedAt(),
                    r.k(), r.inertia(), r.videos(), r.moved(), r.error());
        }
    }

    @POST
    public Response startRecluster() {
        ReclusterRun run = recluster.start("admin:" + callers.current().userId());
        return Response.accepted(RunResponse.from(run)).build();
    }

    @GET
    public RunResponse latestRecluster() {
        return recluster.latest().map(RunResponse::from)
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("no re-clustering has run yet"));
    }

    @GET
    @Path("/{runId}")
    public RunResponse getRecluster(@PathParam("runId") String runId) {
        UUID id;
        try {
            id = UUID.fromString(runId);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("runId", "runId must be a UUID");
        }
        return recluster.run(id).map(RunResponse::from).orElseThrow(() -> new jakarta.ws.rs.NotFoundException("no such run"));
    }

}
