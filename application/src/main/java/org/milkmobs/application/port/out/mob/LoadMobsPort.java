package org.milkmobs.application.port.out.mob;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.mob.MobSummary;
import org.milkmobs.domain.video.VideoId;

/** Reads mobs and their members, for listings, a video's details and search results. */
public interface LoadMobsPort {

    /** The mobs of the space that have members. */
    List<MobSummary> listMobs(MobSpace space);

    /** How many videos the space's mobs hold together, in one aggregate read (no samples, no rows per mob). */
    int memberCount(MobSpace space);

    Optional<MobSummary> findMob(MobId id);

    /** Members newest first, after {@code afterVideo} (exclusive) when given. */
    List<VideoId> members(MobId mob, Optional<VideoId> afterVideo, int limit);

    Optional<MobId> mobOf(VideoId video);

    /** The mobs of those of the videos that are in one, in one read. */
    Map<VideoId, MobId> mobsOf(Collection<VideoId> videos);
}
