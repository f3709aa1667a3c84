package org.milkmobs.adapters.rest.validation;

import static org.milkmobs.adapters.rest.constraint.DomainRule.OVERRIDE_REASON;
import static org.milkmobs.adapters.rest.constraint.DomainRule.VIDEO_ID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.milkmobs.adapters.rest.Roles;
import org.milkmobs.adapters.rest.constraint.Conforms;
import org.milkmobs.adapters.rest.security.CallerResolver;
import org.milkmobs.application.port.in.validation.ReviewVideosUseCase;
import org.milkmobs.application.port.in.validation.ReviewVideosUseCase.ReviewCommand;
import org.milkmobs.application.port.in.validation.ReviewVideosUseCase.ReviewResult;
import org.milkmobs.domain.video.VideoId;

/** The review queue's decisions; the queue itself is the admin video list filtered to IN_REVIEW. */
@Path("/admin/reviews")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @Inject
    ReviewVideosUseCase review;

    @Inject
    CallerResolver callers;

    public record ReviewRequest(
            @NotNull @Size(min = 1, max = ReviewVideosUseCase.MAX_VIDEOS) List<@NotNull @Conforms(VIDEO_ID) String> videoIds,
            @NotNull @Pattern(regexp = "(?i)\\s*(VALIDATED|REJECTED)\\s*", message = "must be VALIDATED or REJECTED") String decision,
            @Conforms(OVERRIDE_REASON) String reason,
            Boolean asReferences) {
    }

    public record ResultResponse(String videoId, String status, String problem) {
        static ResultResponse from(ReviewResult result) {
            return new ResultResponse(result.video().toString(), result.status().orElse(null), result.problem().orElse(null));
        }
    }

    public record ReviewResponse(List<ResultResponse> results) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public ReviewResponse review(@Valid @NotNull ReviewRequest request) {
        List<VideoId> videos = request.videoIds().stream().map(VideoId::parse).toList();
        boolean approve = request.decision().strip().equalsIgnoreCase("VALIDATED");
        return new ReviewResponse(review.review(new ReviewCommand(callers.current(), videos, approve, Optional.ofNullable(request.reason()),
                Boolean.TRUE.equals(request.asReferences()))).stream().map(ResultResponse::from).toList());
    }
}
