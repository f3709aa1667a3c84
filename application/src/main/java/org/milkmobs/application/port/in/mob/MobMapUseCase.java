package org.milkmobs.application.port.in.mob;

import java.util.List;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.video.VideoId;

/** A 2-D picture of the mobs and their videos: the asset vectors projected on their two principal components. */
public interface MobMapUseCase {

    /** The map of the active vector space, of at most {@code limit} videos. */
    MobMap map(int limit);

    /** Coordinates are scaled into [-1, 1] on the wider axis; {@code truncated} when the space has more videos. */
    record MobMap(String space, List<Point> points, List<MobPlace> mobs, boolean truncated) {
        public MobMap {
            points = List.copyOf(points);
            mobs = List.copyOf(mobs);
        }
    }

    record Point(VideoId video, MobId mob, double x, double y) {
    }

    /** A mob at the mean of its members' points. */
    record MobPlace(MobId mob, String label, int size, double x, double y) {
    }
}
