package org.milkmobs.application.service.mob;

import java.time.Instant;
import java.util.Optional;
import org.milkmobs.application.port.out.mob.MobStore;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.video.VideoId;

/**
 * The incremental half of clustering: a validated video joins the nearest mob right away when it is
 * close enough, or starts a new one while there is room (else it joins the nearest anyway). The batch
 * k-means later refines what this greedy rule got wrong.
 */
public class MobAssignment {

    private final MobStore mobs;
    private final VideoVectors vectors;
    private final MobSettings settings;

    public MobAssignment(MobStore mobs, VideoVectors vectors, MobSettings settings) {
        this.mobs = mobs;
        this.vectors = vectors;
        this.settings = settings;
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
        String space = vectors.space();
        Optional<MobStore.Nearest> nearest = mobs.nearestMob(space, vector.get());
        if (nearest.isPresent() && (nearest.get().similarity() >= settings.joinSimilarity()
                || mobs.countMobs(space) >= settings.maxMobs())) {
            mobs.join(nearest.get().mob(), video, vector.get(), nearest.get().similarity(), "joined", now);
            return Optional.of(nearest.get().mob());
        }
        return Optional.of(mobs.createMobFor(space, video, vector.get(), settings.joinSimilarity(), now));
    }

    public Optional<MobId> remove(VideoId video, String reason, Instant now) {
        return mobs.leave(video, reason, now);
    }
}
