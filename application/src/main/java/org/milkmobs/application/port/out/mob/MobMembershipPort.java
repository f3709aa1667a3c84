package org.milkmobs.application.port.out.mob;

import java.time.Instant;
import java.util.Optional;
import org.milkmobs.domain.mob.MembershipRule;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.mob.NearestMob;
import org.milkmobs.domain.video.VideoId;

/**
 * One video in or out of a mob, as the incremental half of clustering needs it. A mob keeps the sum of its members'
 * unit vectors, so joining and leaving are one atomic update each and the centroid is that sum's direction.
 */
public interface MobMembershipPort {

    /** The mob of the space whose centroid is most similar (cosine) to {@code vector}, with that similarity. */
    Optional<NearestMob> nearestMob(MobSpace space, float[] vector);

    /** How many mobs of the space have members. */
    long countMobs(MobSpace space);

    /**
     * Founds a mob for {@code video}, unless another transaction meanwhile founded one the video {@link MembershipRule#joins}
     * (foundings of a space are serialised); returns the mob the video is now in.
     */
    MobId createMobFor(MobSpace space, VideoId video, float[] vector, MembershipRule rule, Instant now);

    /** Adds the video to the mob atomically (its vector goes into the mob's sum); a member already in a mob stays put. */
    void join(MobId mob, VideoId video, float[] vector, double similarity, String reason, Instant now);

    /** Takes the video out of its mob (if any), subtracting its vector; returns the mob it left. */
    Optional<MobId> leave(VideoId video, String reason, Instant now);
}
