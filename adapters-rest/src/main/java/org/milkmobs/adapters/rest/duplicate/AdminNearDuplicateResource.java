package org.milkmobs.adapters.rest.duplicate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.milkmobs.adapters.rest.Roles;
import org.milkmobs.adapters.rest.support.QueryParams;
import org.milkmobs.application.port.Page;
import org.milkmobs.application.port.in.duplicate.NearDuplicatesUseCase;
import org.milkmobs.application.port.in.duplicate.NearDuplicatesUseCase.ReviewedPair;
import org.milkmobs.domain.video.Video;

/** Near-duplicate pairs for an admin to review (ADR 0026), newest first, by cursor. */
@Path("/admin/near-duplicates")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminNearDuplicateResource {

    @Inject
    NearDuplicatesUseCase nearDuplicates;

    @GET
    public PairPage list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        Page<ReviewedPair> page = nearDuplicates.list(QueryParams.text(cursor),
                QueryParams.limit(limit, NearDuplicatesUseCase.DEFAULT_LIMIT, NearDuplicatesUseCase.MAX_LIMIT));
        return new PairPage(page.items().stream().map(PairResponse::from).toList(), page.nextCursor().orElse(null));
    }

    public record PairPage(List<PairResponse> items, String nextCursor) {
    }

    /** @param share the in-order aligned clips' share of the longer clip sequence */
    public record PairResponse(PairVideo video, PairVideo original, double share, double durationRatio, Instant detectedAt) {
        static PairResponse from(ReviewedPair reviewed) {
            return new PairResponse(PairVideo.from(reviewed.copy()), PairVideo.from(reviewed.original()), reviewed.pair().share(),
                    reviewed.pair().durationRatio(), reviewed.pair().detectedAt());
        }
    }

    public record PairVideo(String videoId, String ownerId, String title, String status, Double durationSeconds, Instant createdAt) {
        static PairVideo from(Video video) {
            return new PairVideo(video.id().toString(), video.owner().value(), video.title().value(), video.status().name(),
                    video.media().map(m -> m.durationSeconds()).orElse(null), video.createdAt());
        }
    }
}
