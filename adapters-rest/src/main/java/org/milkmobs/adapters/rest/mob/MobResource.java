package org.milkmobs.adapters.rest.mob;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.milkmobs.adapters.rest.problem.Problem;
import org.milkmobs.adapters.rest.problem.Problems;
import org.milkmobs.adapters.rest.security.CallerResolver;
import org.milkmobs.adapters.rest.support.PublicUrls;
import org.milkmobs.adapters.rest.support.QueryParams;
import org.milkmobs.adapters.rest.video.PageResponse;
import org.milkmobs.adapters.rest.video.VideoPages;
import org.milkmobs.application.port.in.mob.MobsUseCase;
import org.milkmobs.application.port.in.mob.MobsUseCase.MobView;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.user.Caller;

@Path("/mobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "mobs", description = "Communities of look-alike validated videos")
public class MobResource {

    @Inject
    MobsUseCase mobs;

    @Inject
    CallerResolver callers;

    @Inject
    PublicUrls urls;

    @Inject
    VideoPages pages;

    @Schema(name = "Mob")
    public record MobResponse(@Schema(required = true, format = "uuid") String mobId, @Schema(required = true) String label,
                              @Schema(required = true) int size, @Schema(required = true) List<String> sampleVideoIds,
                              @Schema(required = true) List<URI> sampleThumbnails, @Schema(required = true) Instant createdAt,
                              @Schema(required = true) Instant updatedAt) {
    }

    @Schema(name = "Mobs")
    public record MobsResponse(@Schema(required = true) List<MobResponse> mobs) {
    }

    @Schema(name = "MobDetail", description = "A mob and a page of its members, newest first")
    public record MobDetailResponse(@Schema(required = true) MobResponse mob, @Schema(required = true) PageResponse members) {
    }

    @GET
    @Operation(operationId = "listMobs", summary = "Every mob, largest first, with its label, size and sample thumbnails")
    @APIResponse(responseCode = "200", description = "The mobs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MobsResponse.class)))
    public MobsResponse list() {
        Caller caller = callers.current();
        return new MobsResponse(mobs.mobs(caller).stream().map(this::mob).toList());
    }

    @GET
    @Path("/{mobId}")
    @Operation(operationId = "getMob", summary = "A mob with a page of its members")
    @APIResponse(responseCode = "200", description = "The mob",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MobDetailResponse.class)))
    @APIResponse(responseCode = "404", description = "No such mob",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MobDetailResponse get(@PathParam("mobId") String mobId, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        Caller caller = callers.current();
        MobId id = MobId.parse(mobId);
        return new MobDetailResponse(mob(mobs.mob(id, caller)),
                pages.page(mobs.members(id, caller, QueryParams.text(cursor), QueryParams.limit(limit, 20, 100))));
    }

    private MobResponse mob(MobView view) {
        var m = view.mob();
        return new MobResponse(m.id().toString(), m.label(), m.size(), m.samples().stream().map(Object::toString).toList(),
                view.sampleThumbnails().stream().map(urls::absolute).toList(), m.createdAt(), m.updatedAt());
    }
}
