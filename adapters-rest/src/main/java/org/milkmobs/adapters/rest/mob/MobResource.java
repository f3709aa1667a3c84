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
import org.milkmobs.adapters.rest.security.CallerResolver;
import org.milkmobs.adapters.rest.support.PublicUrls;
import org.milkmobs.adapters.rest.support.QueryParams;
import org.milkmobs.adapters.rest.video.PageResponse;
import org.milkmobs.adapters.rest.video.VideoPages;
import org.milkmobs.application.port.in.mob.MobsUseCase;
import org.milkmobs.application.port.in.mob.MobsUseCase.MobView;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobName;
import org.milkmobs.domain.user.Caller;

@Path("/mobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MobResource {

    @Inject
    MobsUseCase mobs;

    @Inject
    CallerResolver callers;

    @Inject
    PublicUrls urls;

    @Inject
    VideoPages pages;

    /** {@code name} is the admin's name, absent (null) when the mob has none; {@code label} is what the mob is called either way. */
    public record MobResponse(String mobId, String label, String name,
                              int size, List<String> sampleVideoIds,
                              List<URI> sampleThumbnails, Instant createdAt,
                              Instant updatedAt) {

        static MobResponse from(MobView view, PublicUrls urls) {
            var m = view.mob();
            return new MobResponse(m.id().toString(), m.label(), m.name().map(MobName::value).orElse(null), m.size(),
                    m.samples().stream().map(Object::toString).toList(), view.sampleThumbnails().stream().map(urls::absolute).toList(),
                    m.createdAt(), m.updatedAt());
        }
    }

    public record MobsResponse(List<MobResponse> mobs) {
    }

    public record MobDetailResponse(MobResponse mob, PageResponse members) {
    }

    @GET
    public MobsResponse list() {
        Caller caller = callers.current();
        return new MobsResponse(mobs.mobs(caller).stream().map(this::mob).toList());
    }

    @GET
    @Path("/{mobId}")
    public MobDetailResponse get(@PathParam("mobId") String mobId, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        Caller caller = callers.current();
        MobId id = MobId.parse(mobId);
        return new MobDetailResponse(mob(mobs.mob(id, caller)),
                pages.page(mobs.members(id, caller, QueryParams.text(cursor), QueryParams.limit(limit, 20, 100))));
    }

    private MobResponse mob(MobView view) {
        return MobResponse.from(view, urls);
    }
}
