package org.milkmobs.adapters.rest.mob;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.milkmobs.adapters.rest.Roles;
import org.milkmobs.adapters.rest.support.QueryParams;
import org.milkmobs.application.port.in.mob.MobMapUseCase;
import org.milkmobs.application.port.in.mob.MobMapUseCase.MobMap;

/** The admin's map of the mobs: their videos' vectors projected on a plane by the server. */
@Path("/admin/mobs/map")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminMobMapResource {

    static final int DEFAULT_POINTS = 2000;
    static final int MAX_POINTS = 5000;

    @Inject
    MobMapUseCase mobMap;

    public record PointResponse(String videoId, String mobId, double x, double y) {
    }

    public record MobPlaceResponse(String mobId, String label, int size, double x, double y) {
    }

    public record MobMapResponse(String space, boolean truncated, List<PointResponse> points, List<MobPlaceResponse> mobs) {
        static MobMapResponse from(MobMap map) {
            return new MobMapResponse(map.space(), map.truncated(),
                    map.points().stream().map(p -> new PointResponse(p.video().toString(), p.mob().toString(), round(p.x()), round(p.y()))).toList(),
                    map.mobs().stream().map(m -> new MobPlaceResponse(m.mob().toString(), m.label(), m.size(), round(m.x()), round(m.y()))).toList());
        }

        /** Four decimals place a point to 1/20000 of the map: plenty for a picture, half the bytes. */
        private static double round(double v) {
            return Math.round(v * 10_000) / 10_000.0;
        }
    }

    @GET
    public MobMapResponse map(@QueryParam("limit") String limit) {
        return MobMapResponse.from(mobMap.map(QueryParams.limit(limit, DEFAULT_POINTS, MAX_POINTS)));
    }
}
