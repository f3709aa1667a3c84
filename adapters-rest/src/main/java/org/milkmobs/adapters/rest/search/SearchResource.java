package org.milkmobs.adapters.rest.search;

import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Providers;
import org.milkmobs.adapters.rest.json.JsonBodyReader;
import org.milkmobs.adapters.rest.problem.InvalidRequestException;
import org.milkmobs.adapters.rest.search.SearchResponses.PendingResponse;
import org.milkmobs.adapters.rest.search.SearchResponses.ResultsResponse;
import org.milkmobs.adapters.rest.search.SearchRequests.AudioSearchRequest;
import org.milkmobs.adapters.rest.search.SearchRequests.ImageSearchRequest;
import org.milkmobs.adapters.rest.search.SearchRequests.TextImageSearchRequest;
import org.milkmobs.adapters.rest.search.SearchRequests.TextSearchRequest;
import org.milkmobs.adapters.rest.security.CallerResolver;
import org.milkmobs.adapters.rest.support.BodyLimit;
import org.milkmobs.adapters.rest.support.PublicUrls;
import org.milkmobs.adapters.rest.support.RateLimited;
import org.milkmobs.adapters.rest.upload.MediaUpload;
import org.milkmobs.adapters.rest.upload.MediaUploads;
import org.milkmobs.application.port.in.search.AudioSearch;
import org.milkmobs.application.port.in.search.SearchByMediaUseCase;
import org.milkmobs.application.port.in.search.SearchByTextAndImageUseCase;
import org.milkmobs.application.port.in.search.SearchByTextUseCase;
import org.milkmobs.application.port.in.search.SearchMomentsUseCase;
import org.milkmobs.application.port.in.search.SearchOptions;
import org.milkmobs.application.port.in.search.SearchResults;
import org.milkmobs.application.port.in.search.SearchSimilarUseCase;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.search.Fusion;
import org.milkmobs.domain.search.SearchMode;
import org.milkmobs.domain.video.VideoId;

/**
 * Search endpoints. Image and audio queries come as multipart/form-data (a file part plus text fields) or
 * as JSON with the file in base64; both are read here from one method per endpoint, so each is one
 * operation in the OpenAPI document.
 */
@Path("/search")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private static final long MB = 1024 * 1024;

    @Inject
    SearchSimilarUseCase similar;

    @Inject
    SearchByTextUseCase texts;

    @Inject
    SearchByMediaUseCase media;

    @Inject
    SearchMomentsUseCase moments;

    @Inject
    SearchByTextAndImageUseCase composed;

    @Inject
    CallerResolver callers;

    @Inject
    Validator validator;

    @Inject
    PublicUrls urls;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @Context
    Providers providers;

    @GET
    @Path("/similar")
    @RateLimited(RateLimited.Kind.SEARCH)
    public ResultsResponse similar() {
        SearchFields fields = SearchFields.of(uriInfo.getQueryParameters(), Set.of("videoId", "start", "end", "weights",
                "hideNearDuplicates"));
        VideoId video = VideoId.parse(fields.text("videoId").orElse(null));
        Optional<Segment> moment = fields.moment();
        boolean hideNearDuplicates = fields.flag("hideNearDuplicates");
        SearchOptions options = fields.options(callers.current());
        if (moment.isEmpty()) {
            return respond(similar.similar(video, options, hideNearDuplicates));
        }
        if (hideNearDuplicates) {
            throw new InvalidValueException("hideNearDuplicates", "hideNearDuplicates applies to similar videos, not to a moment's clips");
        }
        return respond(moments.likeMoment(video, moment.get(), options));
    }

    @POST
    @Path("/videos")
    @RateLimited(RateLimited.Kind.SEARCH)
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(bytes = 16 * MB)
    public ResultsResponse byText(@Valid @NotNull TextSearchRequest request) {
        return respond(texts.byText(request.query(), mode(Optional.ofNullable(request.mode())),
                fusion(Optional.ofNullable(request.fusion()), Optional.ofNullable(request.alpha()).map(String::valueOf)),
                SearchFields.of(request).options(callers.current())));
    }

    @POST
    @Path("/videos/by-image")
    @RateLimited(RateLimited.Kind.SEARCH)
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_JSON})
    @BodyLimit(bytes = 8 * MB)
    public ResultsResponse byImage(InputStream body) {
        Upload<ImageSearchRequest> upload = upload(body, "image", SearchByMediaUseCase.MAX_IMAGE_BYTES, ImageSearchRequest.class, Set.of());
        return respond(media.byImage(upload.file(), upload.fields().options(callers.current())));
    }

    /** A composed query: the image and the text, as multipart or as JSON with the image in base64. */
    @POST
    @Path("/videos/by-text-and-image")
    @RateLimited(RateLimited.Kind.SEARCH)
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_JSON})
    @BodyLimit(bytes = 8 * MB)
    public ResultsResponse byTextAndImage(InputStream body) {
        Upload<TextImageSearchRequest> upload = upload(body, "image", SearchByMediaUseCase.MAX_IMAGE_BYTES, TextImageSearchRequest.class,
                Set.of("query", "fusion", "alpha"));
        String query = upload.request().map(TextImageSearchRequest::query)
                .orElseGet(() -> upload.fields().text("query").orElseThrow(() -> new InvalidRequestException("query", "query is required")));
        Fusion fusion = upload.request().map(r -> fusion(Optional.ofNullable(r.fusion()), Optional.ofNullable(r.alpha()).map(String::valueOf)))
                .orElseGet(() -> fusion(upload.fields().text("fusion"), upload.fields().text("alpha")));
        return respond(composed.byTextAndImage(query, upload.file(), fusion, upload.fields().options(callers.current())));
    }

    @GET
    @Path("/videos/by-image/{queryId}")
    @RateLimited(RateLimited.Kind.SEARCH)
    public ResultsResponse imageById(@PathParam("queryId") String queryId) {
        SearchFields fields = SearchFields.of(uriInfo.getQueryParameters(), Set.of());
        return respond(media.imageById(queryId, fields.options(callers.current())));
    }

    @POST
    @Path("/videos/by-audio")
    @RateLimited(RateLimited.Kind.SEARCH)
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_JSON})
    @BodyLimit(bytes = 14 * MB)
    public Response byAudio(InputStream body) {
        Upload<AudioSearchRequest> upload = upload(body, "audio", SearchByMediaUseCase.MAX_AUDIO_BYTES, AudioSearchRequest.class, Set.of());
        return audio(media.byAudio(upload.file(), upload.fields().options(callers.current())), upload.fields());
    }

    @GET
    @Path("/videos/by-audio/{queryId}")
    @RateLimited(RateLimited.Kind.SEARCH)
    public Response audioById(@PathParam("queryId") String queryId) {
        SearchFields fields = SearchFields.of(uriInfo.getQueryParameters(), Set.of());
        return audio(media.resumeAudio(queryId, fields.options(callers.current())), fields);
    }

    private Response audio(AudioSearch result, SearchFields fields) {
        if (result instanceof AudioSearch.Found found) {
            return Response.ok(respond(found.results())).build();
        }
        AudioSearch.Pending pending = (AudioSearch.Pending) result;
        UriBuilder poll = uriInfo.getBaseUriBuilder().path("search/videos/by-audio").path(pending.queryId());
        fields.parameters().forEach((name, values) -> values.forEach(v -> poll.queryParam(name, v)));
        var location = urls.absolute(poll.build());
        long seconds = Math.max(1, pending.retryAfter().toSeconds());
        return Response.accepted(new PendingResponse(pending.queryId(), "PENDING", seconds, location)).location(location)
                .header("Retry-After", seconds).build();
    }

    private ResultsResponse respond(SearchResults results) {
        return SearchResponses.of(results, urls::absolute);
    }

    /**
     * The file and the fields of an image or audio search, read by the one upload reader. A JSON body is bound to its
     * request record and validated like any other; multipart text fields are checked by name ({@code own} are the
     * endpoint's other fields). The fields are checked before the file is read out, as the reader intends.
     */
    private <T extends SearchRequests.Paged> Upload<T> upload(InputStream body, String filePart, int maxFileBytes, Class<T> type,
                                                              Set<String> own) {
        MediaUpload upload = MediaUploads.read(body, headers, providers, filePart, maxFileBytes);
        if (upload.json().isPresent()) {
            T request = JsonBodyReader.bind(upload.json().get(), type);
            Set<ConstraintViolation<T>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            return new Upload<>(upload, SearchFields.of(request), Optional.of(request));
        }
        return new Upload<>(upload, SearchFields.of(upload.fields().orElseThrow(), own), Optional.empty());
    }

    /** The answer the client asks for: FULL_TEXT, VECTOR or HYBRID (any case); absent means the best available. */
    private static Optional<SearchMode> mode(Optional<String> given) {
        if (given.isEmpty()) {
            return Optional.empty();
        }
        String name = given.get().strip();
        for (SearchMode mode : SearchMode.values()) {
            if (mode.name().equalsIgnoreCase(name)) {
                return Optional.of(mode);
            }
        }
        throw new InvalidRequestException("mode", "mode must be FULL_TEXT, VECTOR or HYBRID");
    }

    /** {@code fusion}: RRF (the default) or RELATIVE, with {@code alpha} (the vector leg's weight, default 0.5). */
    private static Fusion fusion(Optional<String> method, Optional<String> alpha) {
        boolean relative = false;
        if (method.isPresent()) {
            String name = method.get().strip();
            if (name.equalsIgnoreCase("RELATIVE")) {
                relative = true;
            } else if (!name.equalsIgnoreCase("RRF")) {
                throw new InvalidRequestException("fusion", "fusion must be RRF or RELATIVE");
            }
        }
        if (alpha.isEmpty()) {
            return relative ? Fusion.relative(Fusion.DEFAULT_ALPHA) : Fusion.RRF;
        }
        if (!relative) {
            throw new InvalidRequestException("alpha", "alpha weighs the legs of fusion RELATIVE; RRF takes none");
        }
        try {
            return Fusion.relative(Double.parseDouble(alpha.get()));
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("alpha", "alpha must be a number from 0 to 1");
        }
    }

    /** An uploaded file (read out last) and its search's fields; {@code request} is the typed body when it came as JSON. */
    private record Upload<T>(MediaUpload media, SearchFields fields, Optional<T> request) {
        byte[] file() {
            return media.file();
        }
    }
}
