package org.milkmobs.domain.mob;

import java.util.List;
import org.milkmobs.domain.embedding.Vectors;

/**
 * Keeps mob ids stable across a re-clustering: new clusters take over the ids of the old mobs whose
 * centroids they match best (an optimal one-to-one matching on cosine similarity); a cluster whose best
 * match is less similar than {@code minSimilarity} is a new mob.
 */
public final class MobIdentity {

    private MobIdentity() {
    }

    public record OldMob(MobId id, float[] centroid) {
    }

    /** @return for each new centroid, the id it inherits, or a fresh id */
    public static MobId[] match(float[][] newCentroids, List<OldMob> old, double minSimilarity) {
        double[][] cost = new double[newCentroids.length][old.size()];
        for (int i = 0; i < newCentroids.length; i++) {
            for (int j = 0; j < old.size(); j++) {
                cost[i][j] = 1 - Vectors.cosine(newCentroids[i], old.get(j).centroid());
            }
        }
        int[] matched = Assignment.minimumCost(cost);
        MobId[] ids = new MobId[newCentroids.length];
        for (int i = 0; i < newCentroids.length; i++) {
            int j = matched[i];
            boolean inherits = j >= 0 && 1 - cost[i][j] >= minSimilarity;
            ids[i] = inherits ? old.get(j).id() : MobId.generate();
        }
        return ids;
    }
}
