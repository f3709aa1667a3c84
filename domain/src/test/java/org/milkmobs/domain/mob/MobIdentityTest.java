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
}
