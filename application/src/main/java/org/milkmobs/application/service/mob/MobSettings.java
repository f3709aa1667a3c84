package org.milkmobs.application.service.mob;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.milkmobs.domain.mob.MembershipRule;
import org.milkmobs.domain.mob.ReclusterSchedule;

/**
 * How mobs form: {@code joinSimilarity} and {@code maxMobs} make the {@link MembershipRule} a new video is placed by. The batch
 * re-clustering uses {@code k} (or chooses it by silhouette: the fewest clusters within {@code kTolerance} of the best
 * silhouette), and a new cluster keeps an old mob's id when their centroids are at least {@code keepIdSimilarity} alike;
 * {@code recluster} says when it starts by itself.
 */
public record MobSettings(double joinSimilarity, int maxMobs, Optional<Integer> k, int restarts, double keepIdSimilarity,
                          ReclusterSchedule recluster, double kTolerance) {

    /** K chosen by the best silhouette alone, re-clustered on the clock alone. */
    public MobSettings(double joinSimilarity, int maxMobs, Optional<Integer> k, int restarts, double keepIdSimilarity, Duration reclusterEvery) {
        this(joinSimilarity, maxMobs, k, restarts, keepIdSimilarity, ReclusterSchedule.every(reclusterEvery), 0);
    }

    public MobSettings {
        if (!(kTolerance >= 0 && kTolerance < 1)) {
            throw new IllegalArgumentException("kTolerance lies in [0, 1)");
        }
        if (!(joinSimilarity > -1 && joinSimilarity <= 1) || !(keepIdSimilarity > -1 && keepIdSimilarity <= 1)) {
            throw new IllegalArgumentException("similarities lie in (-1, 1]");
        }
        if (maxMobs < 1 || restarts < 1) {
            throw new IllegalArgumentException("maxMobs and restarts must be at least 1");
        }
        k.ifPresent(value -> {
            if (value < 1) {
                throw new IllegalArgumentException("k must be at least 1");
            }
        });
        Objects.requireNonNull(recluster, "recluster");
    }

    /** Where a newly validated video goes. */
    public MembershipRule membership() {
        return new MembershipRule(joinSimilarity, maxMobs);
    }
}
