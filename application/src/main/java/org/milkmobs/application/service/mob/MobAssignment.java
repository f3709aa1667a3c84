package org.milkmobs.application.service.mob;

import java.time.Instant;
import java.util.Optional;
import org.milkmobs.application.port.out.mob.LoadMobsPort;
import org.milkmobs.application.port.out.mob.MobMembershipPort;
import org.milkmobs.domain.mob.MembershipRule;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.video.VideoId;

/**
 * The incremental half of clustering: a validated video is placed right away by the {@link MembershipRule} (join the
 * nearest mob, or found one). The batch k-means later refines what this greedy rule got wrong.
 */
public class MobAssignment {

    private final LoadMobsPort mobs;
    private final MobMembershipPort membership;
    private final VideoVectors vectors;
    private final MembershipRule rule;

    public MobAssignment(LoadMobsPort mobs, MobMembershipPort membership, VideoVectors vectors, MobSettings settings) {
        this.mobs = mobs;
        this.membership = membership;
        this.vectors = vectors;
        this.rule = settings.membership();
    }

    /** @return the mob the video is in now, or empty when it has no vector to place it by */
    public Optional<MobId> assign(VideoId video, Instant now) {
        Optional<MobId> current = mobs.mobOf(video);
        if (current.isPresent()) {
            return current;
        }
        Optional<float[]> vector = vectors.of(video);
        if (vector.isEmpty()) {
            return Optional.empty();
        }
        MobSpace space = vectors.space();
        MembershipRule.Placement placement = rule.place(membership.nearestMob(space, vector.get()), membership.countMobs(space));
        if (placement instanceof MembershipRule.Join join) {
            membership.join(join.mob().mob(), video, vector.get(), join.mob().similarity(), "joined", now);
            return Optional.of(join.mob().mob());
        }
        return Optional.of(membership.createMobFor(space, video, vector.get(), rule, now));
    }

    public Optional<MobId> remove(VideoId video, String reason, Instant now) {
        return membership.leave(video, reason, now);
    }
}
