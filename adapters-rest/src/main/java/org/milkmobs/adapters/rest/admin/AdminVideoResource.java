package org.milkmobs.adapters.rest.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.milkmobs.adapters.rest.Roles;
import org.milkmobs.adapters.rest.security.CallerResolver;
import org.milkmobs.adapters.rest.support.QueryParams;
import org.milkmobs.adapters.rest.video.PageResponse;
import org.milkmobs.adapters.rest.video.VideoPages;
import org.milkmobs.application.port.in.video.DeleteVideoUseCase;
import org.milkmobs.application.port.in.video.ListVideosUseCase;
import org.milkmobs.application.port.in.video.ListVideosUseCase.ListVideosQuery;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

@Path("/admin/videos")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminVideoResource {

    @Inject
    ListVideosUseCase listVideos;

    @Inject
    DeleteVideoUseCase deleteVideo;

    @Inject
    CallerResolver callers;

    @Inject
    VideoPages pages;

    @GET
    public PageResponse list(@QueryParam("status") String status, @QueryParam("userId") String userId, @QueryParam("from") String from,
                             @QueryParam("to") String to, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return pages.page(listVideos.list(new ListVideosQuery(callers.current(), QueryParams.text(userId).map(UserId::new),
                QueryParams.setOf("status", status, VideoStatus.class), QueryParams.instant("from", from), QueryParams.instant("to", to),
                QueryParams.text(cursor), QueryParams.limit(limit, 50, 100))));
    }

    @DELETE
    @Path("/{videoId}")
    public Response delete(@PathParam("videoId") String videoId) {
        deleteVideo.delete(VideoId.parse(videoId), callers.current());
        return Response.noContent().build();
    }
}
