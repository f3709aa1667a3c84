package org.milkmobs.domain.mob;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * k-means (Lloyd's iterations) with greedy k-means++ seeding and restarts, keeping the run with the lowest
 * inertia (the sum of squared distances to the nearest centroid). Assignment runs in parallel over the
 * points; distances use ‖x‖² − 2x·c + ‖c‖² so each is one dot product. Deterministic for a given seed.
 */
public final class KMeans {

    private KMeans() {
    }

    public record Result(int[] assignments, float[][] centroids, double inertia, int iterations) {
    }

    public static Result cluster(float[][] points, int k, int restarts, int maxIterations, long seed) {
        if (points.length == 0) {
            throw new IllegalArgumentException("no points to cluster");
        }
        if (k < 1 || k > points.length) {
            throw new IllegalArgumentException("k must be between 1 and the number of points (" + points.length + "), got " + k);
        }
        double[] norms = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            norms[i] = dot(points[i], points[i]);
        }
        SplittableRandom random = new SplittableRandom(seed);
        Result best = null;
        for (int run = 0; run < Math.max(1, restarts); run++) {
            Result result = lloyd(points, norms, seedPlusPlus(points, norms, k, random.split()), maxIterations);
            if (best == null || result.inertia() < best.inertia()) {
                best = result;
            }
        }
        return best;
    }

    /**
     * Greedy k-means++ (as in scikit-learn): each next seed is the best of 2 + ln(k) candidates drawn with
     * probability proportional to their squared distance to the nearest seed, "best" being the candidate
     * that lowers the total of those distances most. Plain k-means++ (one candidate) gives worse starts.
     */
    static float[][] seedPlusPlus(float[][] points, double[] norms, int k, SplittableRandom random) {
        int n = points.length;
        int trials = 2 + (int) Math.log(k);
        float[][] centroids = new float[k][];
        centroids[0] = points[random.nextInt(n)].clone();
        double[] nearest = distancesTo(points, norms, centroids[0], null);
        double potential = sum(nearest);
        for (int c = 1; c < k; c++) {
            double[] bestDistances = null;
            int bestCandidate = -1;
            double bestPotential = Double.MAX_VALUE;
            for (int t = 0; t < trials; t++) {
                int candidate = potential <= 0 ? random.nextInt(n) : sample(nearest, potential, random.nextDouble());
                double[] distances = distancesTo(points, norms, points[candidate], nearest);
                double candidatePotential = sum(distances);
                if (candidatePotential < bestPotential) {
                    bestPotential = candidatePotential;
                    bestCandidate = candidate;
                    bestDistances = distances;
                }
            }
            centroids[c] = points[bestCandidate].clone();
            nearest = bestDistances;
            potential = bestPotential;
        }
        return centroids;
    }

    /** Squared distances to {@code centre}, capped by {@code cap} (the distances to the seeds so far) when given. */
    private static double[] distancesTo(float[][] points, double[] norms, float[] centre, double[] cap) {
        double centreNorm = dot(centre, centre);
        double[] distances = new double[points.length];
        IntStream.range(0, points.length).parallel().forEach(i -> {
            double d = Math.max(0, norms[i] - 2 * dot(points[i], centre) + centreNorm);
            distances[i] = cap == null ? d : Math.min(d, cap[i]);
        });
        return distances;
    }

    private static int sample(double[] weights, double total, double uniform) {
        double target = uniform * total;
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (cumulative >= target) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }

    private static Result lloyd(float[][] points, double[] norms, float[][] centroids, int maxIterations) {
        int n = points.length;
        int k = centroids.length;
        int dim = points[0].length;
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        double[] distance = new double[n];
        int iteration = 0;
        boolean changed = true;
        while (changed && iteration < maxIterations) {
            iteration++;
            double[] centroidNorms = new double[k];
            for (int c = 0; c < k; c++) {
                centroidNorms[c] = dot(centroids[c], centroids[c]);
            }
            float[][] current = centroids;
            long moves = IntStream.range(0, n).parallel().filter(i -> {
                int bestCentroid = 0;
                double bestDistance = Double.MAX_VALUE;
                for (int c = 0; c < k; c++) {
                    double d = centroidNorms[c] - 2 * dot(points[i], current[c]);
                    if (d < bestDistance) {
                        bestDistance = d;
                        bestCentroid = c;
                    }
                }
                distance[i] = Math.max(0, bestDistance + norms[i]);
                boolean moved = assignment[i] != bestCentroid;
                assignment[i] = bestCentroid;
                return moved;
            }).count();
            changed = moves > 0;
            centroids = update(points, assignment, centroids, dim, distance);
        }
        double inertia = 0;
        for (double d : distance) {
            inertia += d;
        }
        return new Result(assignment, centroids, inertia, iteration);
    }

    /** New centroids as the means of their points; an emptied cluster takes the point farthest from its centroid. */
    private static float[][] update(float[][] points, int[] assignment, float[][] previous, int dim, double[] distance) {
        int k = previous.length;
        double[][] sums = new double[k][dim];
        int[] counts = new int[k];
        for (int i = 0; i < points.length; i++) {
            double[] sum = sums[assignment[i]];
            float[] p = points[i];
            for (int d = 0; d < dim; d++) {
                sum[d] += p[d];
            }
            counts[assignment[i]]++;
        }
        float[][] centroids = new float[k][dim];
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                int farthest = 0;
                for (int i = 1; i < points.length; i++) {
                    if (distance[i] > distance[farthest]) {
                        farthest = i;
                    }
                }
                centroids[c] = points[farthest].clone();
                distance[farthest] = 0;
                continue;
            }
            for (int d = 0; d < dim; d++) {
                centroids[c][d] = (float) (sums[c][d] / counts[c]);
            }
        }
        return centroids;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
