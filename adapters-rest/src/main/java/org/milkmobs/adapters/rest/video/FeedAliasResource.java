package org.milkmobs.adapters.rest.video;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/feed}, the original gateway's path for the feed. */
@Path("/feed")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FeedAliasResource {

    @Inject
    VideoResource videos;

    @GET
    public PageResponse feed(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return videos.feed(cursor, limit);
    }
}
