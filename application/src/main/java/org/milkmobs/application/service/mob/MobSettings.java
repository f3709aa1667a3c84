package org.milkmobs.application.service.mob;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.milkmobs.domain.mob.MembershipRule;

/**
 * How mobs form: {@code joinSimilarity} and {@code maxMobs} make the {@link MembershipRule} a new video is placed by. The batch
 * re-clustering uses {@code k} (or chooses it), and a new cluster keeps an old mob's id when their
 * centroids are at least {@code keepIdSimilarity} alike.
 */
public record MobSettings(double joinSimilarity, int maxMobs, Optional<Integer> k, int restarts, double keepIdSimilarity,
                          Duration reclusterEvery) {

    public MobSettings {
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
        Objects.requireNonNull(reclusterEvery, "reclusterEvery");
    }

    /** Where a newly validated video goes. */
    public MembershipRule membership() {
        return new MembershipRule(joinSimilarity, maxMobs);
    }
}
