package org.milkmobs.adapters.rest.video;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/feed}, the original gateway's path for the feed. */
@Path("/feed")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "videos")
public class FeedAliasResource {

    @Inject
    VideoResource videos;

    @GET
    @Operation(operationId = "getFeedAlias", summary = "The feed (same as GET /api/videos/feed)")
    @APIResponse(responseCode = "200", description = "A page of the feed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageResponse.class)))
    public PageResponse feed(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return videos.feed(cursor, limit);
    }
}
