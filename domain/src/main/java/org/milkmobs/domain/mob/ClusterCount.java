package org.milkmobs.domain.mob;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Chooses K for k-means on a sample: by mean silhouette (how much closer each point is to its own cluster than to the
 * next one), in cosine distance. With a tolerance, the fewest clusters whose silhouette is within it of the best: when a
 * scene's takes scatter a little, splitting them scores about as well as keeping them together, and a mob per scene is
 * what people expect (ADR 0031).
 */
public final class ClusterCount {

    private ClusterCount() {
    }

    public record Choice(int k, double silhouette) {
    }

    public static Choice choose(float[][] points, int minK, int maxK, int sampleSize, long seed) {
        return choose(points, minK, maxK, sampleSize, seed, 0);
    }

    /** The smallest candidate K whose silhouette is at least the best one's less {@code tolerance}. */
    public static Choice choose(float[][] points, int minK, int maxK, int sampleSize, long seed, double tolerance) {
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("the tolerance lies in [0, 1), got " + tolerance);
        }
        float[][] sample = sample(points, sampleSize, seed);
        int upper = Math.min(maxK, sample.length - 1);
        int lower = Math.max(2, minK);
        if (upper < lower) {
            return new Choice(Math.max(1, Math.min(points.length, lower - 1)), 0);
        }
        List<Choice> scored = new ArrayList<>();
        Choice best = null;
        for (int k : candidates(lower, upper)) {
            KMeans.Result result = KMeans.cluster(sample, k, 3, 50, seed + k);
            Choice choice = new Choice(k, silhouette(sample, result.assignments(), k));
            scored.add(choice);
            if (best == null || choice.silhouette() > best.silhouette()) {
                best = choice;
            }
        }
        double enough = best.silhouette() - tolerance;
        return scored.stream().filter(c -> c.silhouette() >= enough).findFirst().orElse(best);
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
