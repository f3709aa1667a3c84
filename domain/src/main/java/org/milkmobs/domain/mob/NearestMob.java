package org.milkmobs.domain.mob;

import java.util.Objects;

/** The mob whose centroid is most like a video's vector, and that cosine similarity. */
public record NearestMob(MobId mob, double similarity) {

    public NearestMob {
        Objects.requireNonNull(mob, "mob");
    }
}
