package org.milkmobs.domain.mob;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a newly validated video goes right away (the batch k-means refines it later): it joins the nearest mob of its
 * space when it is at least {@code joinSimilarity} alike (cosine to the centroid); otherwise it founds a new mob while
 * the space has fewer than {@code maxMobs}; at the cap it joins the nearest mob anyway. A {@code joinSimilarity} above 1
 * is never reached, so every video founds a mob until the cap.
 */
public record MembershipRule(double joinSimilarity, int maxMobs) {

    public MembershipRule {
        if (!(joinSimilarity > -1) || Double.isInfinite(joinSimilarity)) {
            throw new IllegalArgumentException("joinSimilarity is a finite number above -1");
        }
        if (maxMobs < 1) {
            throw new IllegalArgumentException("maxMobs must be at least 1");
        }
    }

    /** The place of a video whose nearest mob (if the space has any) is {@code nearest}, in a space of {@code mobs} mobs. */
    public Placement place(Optional<NearestMob> nearest, long mobs) {
        Objects.requireNonNull(nearest, "nearest");
        if (nearest.isPresent() && (joins(nearest.get().similarity()) || mobs >= maxMobs)) {
            return new Join(nearest.get());
        }
        return new Found();
    }

    /**
     * Whether a video this alike to a mob belongs in it rather than in a mob of its own; storage asks again under its
     * lock before founding, because another transaction may have founded a look-alike mob meanwhile.
     */
    public boolean joins(double similarity) {
        return similarity >= joinSimilarity;
    }

    /** Where the rule puts a video. */
    public sealed interface Placement permits Join, Found {
    }

    /** Into this existing mob. */
    public record Join(NearestMob mob) implements Placement {

        public Join {
            Objects.requireNonNull(mob, "mob");
        }
    }

    /** Into a new mob of its own. */
    public record Found() implements Placement {
    }
}
