package org.milkmobs.domain.mob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.junit.jupiter.api.Test;

/** Our k-means against Apache Commons Math's k-means++ on the same overlapping data. */
class KMeansReferenceTest {

    @Test
    void inertiaIsWithinTwoPercentOfTheReference() {
        int[] truth = new int[3000];
        float[][] points = KMeansTest.blobs(12, 250, 32, 6.0, 17, truth);
        int k = 12;
        int restarts = 5;

        double ours = KMeans.cluster(points, k, restarts, 200, 42).inertia();

        List<DoublePoint> data = new ArrayList<>();
        for (float[] p : points) {
            double[] d = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                d[i] = p[i];
            }
            data.add(new DoublePoint(d));
        }
        JDKRandomGenerator random = new JDKRandomGenerator(42);
        MultiKMeansPlusPlusClusterer<DoublePoint> reference = new MultiKMeansPlusPlusClusterer<>(
                new KMeansPlusPlusClusterer<>(k, 200, new org.apache.commons.math3.ml.distance.EuclideanDistance(), random), restarts);
        double theirs = 0;
        for (CentroidCluster<DoublePoint> cluster : reference.cluster(data)) {
            double[] c = cluster.getCenter().getPoint();
            for (DoublePoint p : cluster.getPoints()) {
                for (int i = 0; i < c.length; i++) {
                    theirs += Math.pow(p.getPoint()[i] - c[i], 2);
                }
            }
        }

        System.out.printf(Locale.ROOT, "k-means inertia: ours %.1f, Commons Math %.1f (ratio %.4f)%n", ours, theirs, ours / theirs);
        assertThat(ours).isLessThanOrEqualTo(theirs * 1.02);
    }
}
