package org.milkmobs.adapters.rest.video;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.milkmobs.adapters.rest.problem.InvalidRequestException;
import org.milkmobs.adapters.rest.problem.Problem;
import org.milkmobs.adapters.rest.problem.Problems;
import org.milkmobs.adapters.rest.problem.RequestFields;
import org.milkmobs.adapters.rest.security.CallerResolver;
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
@Tag(name = "videos", description = "Submitting, uploading and reading videos")
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
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitVideo", summary = "Submit a new video owned by the caller, and get where to upload its file")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubmitVideoRequest.class)))
    @APIResponse(responseCode = "201", description = "The video was recorded; upload its file as instructed, then call complete",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmittedVideoResponse.class)))
    @APIResponse(responseCode = "200", description = "A retried request with the same Idempotency-Key: the first video again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmittedVideoResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for a different video",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(
            @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe: the same key returns the same video")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            SubmitVideoRequest request) {
        Caller caller = callers.current();
        if (request == null) {
            throw new InvalidRequestException("body", "a JSON body with at least a title is required");
        }
        RequestFields fields = new RequestFields();
        Title title = fields.read(() -> new Title(request.title()));
        Description description = fields.read(() -> Description.ofNullable(request.description()));
        Hashtags hashtags = fields.read(() -> new Hashtags(request.hashtags()));
        fields.check();
        SubmitVideoCommand command = new SubmitVideoCommand(caller.userId(), title, description, hashtags, Optional.ofNullable(idempotencyKey));

        SubmittedVideo submitted = submitVideo.submit(command);
        Video video = submitted.video();
        SubmittedVideoResponse body = new SubmittedVideoResponse(video.id().toString(), video.status().name(),
                VideoResponse.from(getVideo.get(new GetVideoQuery(video.id(), caller)), urls::absolute),
                new SubmittedVideoResponse.Upload(urls.absolute(submitted.upload().url()), submitted.upload().method(),
                        submitted.upload().headers(), submitted.upload().expiresAt(), submitted.upload().maxBytes()));
        Response.ResponseBuilder response = submitted.repeated() ? Response.ok()
                : Response.created(uriInfo.getBaseUriBuilder().path("videos").path(video.id().toString()).build());
        return response.entity(body).build();
    }

    @POST
    @Path("/{videoId}/complete")
    @Operation(operationId = "completeUpload", summary = "Say the file is uploaded: it is checked and its analysis starts")
    @APIResponse(responseCode = "202", description = "The upload was handed to the pipeline (or already was); poll the video",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VideoResponse.class)))
    @APIResponse(responseCode = "404", description = "No such video of the caller",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No file was uploaded yet",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response complete(@PathParam("videoId") String videoId) {
        Caller caller = callers.current();
        Video video = completeUpload.complete(new CompleteUploadCommand(VideoId.parse(videoId), caller));
        return Response.accepted(VideoResponse.from(getVideo.get(new GetVideoQuery(video.id(), caller)), urls::absolute)).build();
    }

    @GET
    @Path("/{videoId}")
    @Operation(operationId = "getVideo", summary = "Read a video: status, media facts, analysis, mob, URLs and progress")
    @APIResponse(responseCode = "200", description = "The video",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VideoResponse.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such video, or not visible to the caller",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VideoResponse get(@PathParam("videoId") String videoId) {
        Caller caller = callers.current();
        return VideoResponse.from(getVideo.get(new GetVideoQuery(VideoId.parse(videoId), caller)), urls::absolute);
    }

    @GET
    @Path("/user")
    @Operation(operationId = "listUserVideos", summary = "A user's videos with their status, newest first (consumers: their own only)")
    @APIResponse(responseCode = "200", description = "A page of videos",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageResponse.class)))
    @APIResponse(responseCode = "403", description = "A consumer asked for someone else's videos",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
    @Operation(operationId = "getFeed", summary = "Validated videos, newest first, spread across mobs so one mob never fills a page")
    @APIResponse(responseCode = "200", description = "A page of the feed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageResponse.class)))
    public PageResponse feed(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return page(feed.feed(callers.current(), QueryParams.text(cursor), QueryParams.limit(limit, 20, 100)));
    }

    private PageResponse page(Page<VideoDetails> page) {
        return pages.page(page);
    }
}
