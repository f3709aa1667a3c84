package org.milkmobs.domain.mob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MobIdentityTest {

    @Test
    void theHungarianAlgorithmFindsTheCheapestOneToOneMatching() {
        double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        // greedy would take (1,1)=0 first and pay 4+0+2=6; the optimum is (0,1)+(1,0)+(2,2) = 1+2+2 = 5
        assertThat(Assignment.minimumCost(cost)).containsExactly(1, 0, 2);
        assertThat(Assignment.minimumCost(new double[][] {{1, 2, 0}})).containsExactly(2);
        assertThat(Assignment.minimumCost(new double[][] {{5}, {1}})).containsExactly(-1, 0);
        assertThat(Assignment.minimumCost(new double[0][0])).isEmpty();
    }

    @Test
    void reclusteredCentroidsKeepTheIdsOfTheMobsTheyMatch() {
        MobId red = MobId.generate();
        MobId blue = MobId.generate();
        List<MobIdentity.OldMob> old = List.of(new MobIdentity.OldMob(red, new float[] {1, 0, 0}),
                new MobIdentity.OldMob(blue, new float[] {0, 1, 0}));
        float[][] moved = {{0.05f, 0.99f, 0}, {0.98f, 0.1f, 0}, {0, 0, 1}};

        MobId[] ids = MobIdentity.match(moved, old, 0.8);

        assertThat(ids[0]).isEqualTo(blue);
        assertThat(ids[1]).isEqualTo(red);
        assertThat(ids[2]).as("a cluster like no old mob is a new mob").isNotIn(red, blue);
    }

    @Test
    void aClusterThatMovedTooFarGetsANewId() {
        MobId old = MobId.generate();
        MobId[] ids = MobIdentity.match(new float[][] {{1, 1, 0}}, List.of(new MobIdentity.OldMob(old, new float[] {1, 0, 0})), 0.9);

        assertThat(ids[0]).isNotEqualTo(old);
    }

    @Test
    void kIsChosenWhereTheSilhouetteIsBest() {
        int[] truth = new int[300];
        float[][] points = KMeansTest.blobs(5, 60, 12, 1.0, 11, truth);

        ClusterCount.Choice choice = ClusterCount.choose(points, 2, 12, 300, 3);

        assertThat(choice.k()).isEqualTo(5);
        assertThat(choice.silhouette()).isGreaterThan(0.5);
        assertThat(ClusterCount.candidates(2, 40)).startsWith(2, 3, 4).contains(16, 20, 24, 29, 35).doesNotContain(41);
    }

    /**
     * Five scenes, one of them filmed two ways (two tight sub-blobs close together, as the local analyzer sees a scene's
     * hue-shifted takes): the best silhouette splits that scene, the tolerance keeps it whole; well apart scenes are never
     * merged for it.
     */
    @Test
    void withAToleranceTheFewestClustersNearlyAsGoodAsTheBestWin() {
        float[][] points = scenes(2.0);

        ClusterCount.Choice best = ClusterCount.choose(points, 2, 12, 300, 3);
        ClusterCount.Choice fewer = ClusterCount.choose(points, 2, 12, 300, 3, 0.05);

        assertThat(best.k()).as("the best silhouette splits the scene filmed two ways").isEqualTo(6);
        assertThat(fewer.k()).isEqualTo(5);
        assertThat(fewer.silhouette()).isGreaterThanOrEqualTo(best.silhouette() - 0.05);
        int[] truth = new int[300];
        assertThat(ClusterCount.choose(KMeansTest.blobs(5, 60, 12, 1.0, 11, truth), 2, 12, 300, 3, 0.05).k())
                .as("separated scenes stay apart").isEqualTo(5);
    }

    /** Six blobs of 40 in 12 dimensions, the sixth centred near the fifth (offset by {@code apart} x 3 per dimension, spread 0.5). */
    private static float[][] scenes(double apart) {
        java.util.Random random = new java.util.Random(5);
        float[][] centres = new float[6][12];
        for (float[] c : centres) {
            for (int d = 0; d < c.length; d++) {
                c[d] = (float) (random.nextGaussian() * 10);
            }
        }
        for (int d = 0; d < 12; d++) {
            centres[5][d] = centres[4][d] + (float) (random.nextGaussian() * apart * 3);
        }
        float[][] points = new float[240][12];
        for (int i = 0; i < points.length; i++) {
            for (int d = 0; d < 12; d++) {
                points[i][d] = (float) (centres[i % 6][d] + random.nextGaussian() * 0.5);
            }
        }
        return points;
    }
}
