package org.milkmobs.domain.mob;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Chooses K for k-means on a sample: the candidate with the best mean silhouette (how much closer each
 * point is to its own cluster than to the next one), in cosine distance.
 */
public final class ClusterCount {

    private ClusterCount() {
    }

    public record Choice(int k, double silhouette) {
    }

    public static Choice choose(float[][] points, int minK, int maxK, int sampleSize, long seed) {
        float[][] sample = sample(points, sampleSize, seed);
        int upper = Math.min(maxK, sample.length - 1);
        int lower = Math.max(2, minK);
        if (upper < lower) {
            return new Choice(Math.max(1, Math.min(points.length, lower - 1)), 0);
        }
        Choice best = null;
        for (int k : candidates(lower, upper)) {
            KMeans.Result result = KMeans.cluster(sample, k, 3, 50, seed + k);
            double score = silhouette(sample, result.assignments(), k);
            if (best == null || score > best.silhouette()) {
                best = new Choice(k, score);
            }
        }
        return best;
    }

    /** Every K up to 16, then growing by about a fifth: enough resolution where it matters, bounded work. */
    static int[] candidates(int lower, int upper) {
        return IntStream.iterate(lower, k -> k <= upper, k -> k < 16 ? k + 1 : (int) Math.ceil(k * 1.2)).toArray();
    }

    static double silhouette(float[][] points, int[] assignment, int k) {
        int n = points.length;
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            norms[i] = Math.sqrt(KMeans.dot(points[i], points[i]));
        }
        return IntStream.range(0, n).parallel().mapToDouble(i -> {
            double[] sum = new double[k];
            int[] count = new int[k];
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double cosine = norms[i] == 0 || norms[j] == 0 ? 0 : KMeans.dot(points[i], points[j]) / (norms[i] * norms[j]);
                sum[assignment[j]] += 1 - cosine;
                count[assignment[j]]++;
            }
            int own = assignment[i];
            if (count[own] == 0) {
                return 0;
            }
            double a = sum[own] / count[own];
            double b = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                if (c != own && count[c] > 0) {
                    b = Math.min(b, sum[c] / count[c]);
                }
            }
            return b == Double.MAX_VALUE ? 0 : (b - a) / Math.max(a, b);
        }).average().orElse(0);
    }

    private static float[][] sample(float[][] points, int size, long seed) {
        if (points.length <= size) {
            return points;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] indices = IntStream.range(0, points.length).toArray();
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(points.length - i);
            int t = indices[i];
            indices[i] = indices[j];
            indices[j] = t;
        }
        float[][] sample = new float[size][];
        for (int i = 0; i < size; i++) {
            sample[i] = points[indices[i]];
        }
        return sample;
    }
}
