package org.milkmobs.application.port.out.mob;

import java.util.List;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.video.VideoId;

/** The members of a vector space's mobs with the unit vectors they were clustered by, for the admin's map. */
public interface MobMapSource {

    /** At most {@code limit} members of the space's mobs, in a stable order (by video id). */
    List<Member> members(MobSpace space, int limit);

    record Member(VideoId video, MobId mob, String mobLabel, float[] vector) {
    }
}
