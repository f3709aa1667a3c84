package org.milkmobs.domain.mob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KMeansTest {

    /** {@code k} well separated blobs of {@code perCluster} points in {@code dim} dimensions. */
    static float[][] blobs(int k, int perCluster, int dim, double spread, long seed, int[] truth) {
        Random random = new Random(seed);
        float[][] centres = new float[k][dim];
        for (float[] c : centres) {
            for (int d = 0; d < dim; d++) {
                c[d] = (float) (random.nextGaussian() * 10);
            }
        }
        float[][] points = new float[k * perCluster][dim];
        for (int i = 0; i < points.length; i++) {
            int c = i % k;
            truth[i] = c;
            for (int d = 0; d < dim; d++) {
                points[i][d] = (float) (centres[c][d] + random.nextGaussian() * spread);
            }
        }
        return points;
    }

    @Test
    void separatedBlobsAreRecoveredExactly() {
        int[] truth = new int[400];
        float[][] points = blobs(4, 100, 16, 1.0, 3, truth);

        KMeans.Result result = KMeans.cluster(points, 4, 5, 100, 42);

        // same partition as the truth, up to the names of the clusters
        for (int i = 0; i < points.length; i++) {
            for (int j = i + 1; j < points.length; j += 37) {
                assertThat(result.assignments()[i] == result.assignments()[j]).isEqualTo(truth[i] == truth[j]);
            }
        }
        assertThat(result.centroids()).hasNumberOfRows(4);
    }

    @Test
    void theSameSeedGivesTheSameResultAndRestartsNeverIncreaseInertia() {
        int[] truth = new int[300];
        float[][] points = blobs(6, 50, 8, 4.0, 9, truth);

        KMeans.Result once = KMeans.cluster(points, 6, 1, 100, 7);
        KMeans.Result again = KMeans.cluster(points, 6, 1, 100, 7);
        KMeans.Result best = KMeans.cluster(points, 6, 10, 100, 7);

        assertThat(again.assignments()).isEqualTo(once.assignments());
        assertThat(best.inertia()).isLessThanOrEqualTo(once.inertia());
    }

    @Test
    void inertiaIsTheSumOfSquaredDistancesToTheAssignedCentroids() {
        int[] truth = new int[90];
        float[][] points = blobs(3, 30, 5, 2.0, 1, truth);

        KMeans.Result result = KMeans.cluster(points, 3, 3, 100, 1);

        double expected = 0;
        for (int i = 0; i < points.length; i++) {
            float[] c = result.centroids()[result.assignments()[i]];
            for (int d = 0; d < c.length; d++) {
                expected += Math.pow(points[i][d] - c[d], 2);
            }
        }
        assertThat(result.inertia()).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(0.01));
    }

    @Test
    void moreClustersThanDistinctPointsStillYieldsKCentroids() {
        float[][] points = new float[5][2];
        Arrays.fill(points, new float[] {1, 1});

        KMeans.Result result = KMeans.cluster(points, 3, 2, 10, 1);

        assertThat(result.centroids()).hasNumberOfRows(3);
        assertThat(result.inertia()).isZero();
    }

    @Test
    void nonsenseArgumentsAreRefused() {
        assertThatThrownBy(() -> KMeans.cluster(new float[0][], 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KMeans.cluster(new float[2][2], 3, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
