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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.milkmobs.adapters.rest.Roles;
import org.milkmobs.adapters.rest.problem.InvalidRequestException;
import org.milkmobs.adapters.rest.problem.Problem;
import org.milkmobs.adapters.rest.problem.Problems;
import org.milkmobs.adapters.rest.security.CallerResolver;
import org.milkmobs.application.port.in.mob.ReclusterUseCase;
import org.milkmobs.domain.mob.ReclusterRun;

@Path("/admin/mobs/recluster")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "mobs")
@APIResponse(responseCode = "403", description = "The caller is not an admin",
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AdminMobResource {

    @Inject
    ReclusterUseCase recluster;

    @Inject
    CallerResolver callers;

    @Schema(name = "ReclusterRun", description = "A batch re-clustering run and its progress (0 to 1)")
    public record RunResponse(@Schema(required = true, format = "uuid") String runId, @Schema(required = true) String status,
                              @Schema(required = true) String trigger, @Schema(required = true) String phase,
                              @Schema(required = true) double progress, @Schema(required = true) Instant startedAt,
                              @Schema(nullable = true) Instant finishedAt, @Schema(nullable = true) Integer k,
                              @Schema(nullable = true) Double inertia, @Schema(nullable = true) Integer videos,
                              @Schema(nullable = true) Integer moved, @Schema(nullable = true) String error) {
        static RunResponse from(ReclusterRun r) {
            return new RunResponse(r.id().toString(), r.status(), r.trigger(), r.phase(), r.progress(), r.startedAt(), r.finishedAt(),
                    r.k(), r.inertia(), r.videos(), r.moved(), r.error());
        }
    }

    @POST
    @Operation(operationId = "adminRecluster", summary = "Start a batch re-clustering now (or get the one running); poll its progress")
    @APIResponse(responseCode = "202", description = "The run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunResponse.class)))
    public Response startRecluster() {
        ReclusterRun run = recluster.start("admin:" + callers.current().userId());
        return Response.accepted(RunResponse.from(run)).build();
    }

    @GET
    @Operation(operationId = "adminLatestRecluster", summary = "The latest re-clustering run")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunResponse.class)))
    @APIResponse(responseCode = "404", description = "No run yet",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunResponse latestRecluster() {
        return recluster.latest().map(RunResponse::from)
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("no re-clustering has run yet"));
    }

    @GET
    @Path("/{runId}")
    @Operation(operationId = "adminGetRecluster", summary = "A re-clustering run's progress")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunResponse.class)))
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
