package org.milkmobs.adapters.rest.video;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.milkmobs.adapters.rest.security.CallerResolver;
import org.milkmobs.adapters.rest.support.RateLimited;
import org.milkmobs.adapters.rest.support.PublicUrls;
import org.milkmobs.adapters.rest.support.QueryParams;
import org.milkmobs.application.port.Page;
import org.milkmobs.application.port.in.GetVideoUseCase;
import org.milkmobs.application.port.in.GetVideoUseCase.GetVideoQuery;
import org.milkmobs.application.port.in.GetVideoUseCase.VideoDetails;
import org.milkmobs.application.port.in.SubmitVideoUseCase;
import org.milkmobs.application.port.in.SubmitVideoUseCase.SubmitVideoCommand;
import org.milkmobs.application.port.in.SubmitVideoUseCase.SubmittedVideo;
import org.milkmobs.application.port.in.mob.FeedUseCase;
import org.milkmobs.application.port.in.video.CompleteUploadUseCase;
import org.milkmobs.application.port.in.video.CompleteUploadUseCase.CompleteUploadCommand;
import org.milkmobs.application.port.in.video.ListVideosUseCase;
import org.milkmobs.application.port.in.video.ListVideosUseCase.ListVideosQuery;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.Description;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.Title;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

@Path("/videos")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VideoResource {

    @Inject
    SubmitVideoUseCase submitVideo;

    @Inject
    CompleteUploadUseCase completeUpload;

    @Inject
    GetVideoUseCase getVideo;

    @Inject
    ListVideosUseCase listVideos;

    @Inject
    FeedUseCase feed;

    @Inject
    CallerResolver callers;

    @Inject
    PublicUrls urls;

    @Inject
    VideoPages pages;

    @Context
    UriInfo uriInfo;

    @POST
    @Path("/submit")
    @RateLimited(RateLimited.Kind.SUBMIT)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull SubmitVideoRequest request) {
        Caller caller = callers.current();
        SubmitVideoCommand command = new SubmitVideoCommand(caller.userId(), new Title(request.title()),
                Description.ofNullable(request.description()), new Hashtags(request.hashtags()), Optional.ofNullable(idempotencyKey));

        SubmittedVideo submitted = submitVideo.submit(command);
        Video video = submitted.video();
        SubmittedVideoResponse body = new SubmittedVideoResponse(video.id().toString(), video.status().name(),
                VideoResponse.from(submitted.details(), urls::absolute),
                new SubmittedVideoResponse.Upload(urls.absolute(submitted.upload().url()), submitted.upload().method(),
                        submitted.upload().headers(), submitted.upload().expiresAt(), submitted.upload().maxBytes()));
        Response.ResponseBuilder response = submitted.repeated() ? Response.ok()
                : Response.created(uriInfo.getBaseUriBuilder().path("videos").path(video.id().toString()).build());
        return response.entity(body).build();
    }

    @POST
    @Path("/{videoId}/complete")
    public Response complete(@PathParam("videoId") String videoId) {
        Caller caller = callers.current();
        VideoDetails completed = completeUpload.complete(new CompleteUploadCommand(VideoId.parse(videoId), caller));
        return Response.accepted(VideoResponse.from(completed, urls::absolute)).build();
    }

    @GET
    @Path("/{videoId}")
    public VideoResponse get(@PathParam("videoId") String videoId) {
        Caller caller = callers.current();
        return VideoResponse.from(getVideo.get(new GetVideoQuery(VideoId.parse(videoId), caller)), urls::absolute);
    }

    @GET
    @Path("/user")
    public PageResponse userVideos(@QueryParam("userId") String userId, @QueryParam("status") String status,
                                   @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        Caller caller = callers.current();
        Optional<UserId> owner = QueryParams.text(userId).map(UserId::new);
        return page(listVideos.list(new ListVideosQuery(caller, Optional.of(owner.orElse(caller.userId())),
                QueryParams.setOf("status", status, VideoStatus.class), Optional.empty(), Optional.empty(), QueryParams.text(cursor),
                QueryParams.limit(limit, 20, 100))));
    }

    @GET
    @Path("/feed")
    public PageResponse feed(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return page(feed.feed(callers.current(), QueryParams.text(cursor), QueryParams.limit(limit, 20, 100)));
    }

    private PageResponse page(Page<VideoDetails> page) {
        return pages.page(page);
    }
}
