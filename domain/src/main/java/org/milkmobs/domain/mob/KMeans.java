package org.milkmobs.domain.mob;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * k-means (Lloyd's iterations) with greedy k-means++ seeding on a sample, and restarts, keeping the run with the
 * lowest inertia (the sum of squared distances to the nearest centroid). Distances use ‖x‖² − 2x·c + ‖c‖², the
 * dot products computed a block of points against all centroids at once ({@link BlockedDots}), blocks in
 * parallel. Deterministic for a given seed.
 */
public final class KMeans {

    /** Seeding looks at this many points at least (all of them when there are fewer)... */
    static final int SEED_SAMPLE_MIN = 10_000;
    /** ...and at this many per cluster when K is large: enough to see every community, a fraction of the cost. */
    static final int SEED_SAMPLE_PER_CLUSTER = 128;

    private KMeans() {
    }

    public record Result(int[] assignments, float[][] centroids, double inertia, int iterations) {
    }

    public static Result cluster(float[][] points, int k, int restarts, int maxIterations, long seed) {
        return cluster(points, k, restarts, maxIterations, seed, seedSampleSize(points.length, k));
    }

    /** As {@link #cluster(float[][], int, int, int, long)}, seeding on {@code seedSample} points (the benchmark compares). */
    static Result cluster(float[][] points, int k, int restarts, int maxIterations, long seed, int seedSample) {
        if (points.length == 0) {
            throw new IllegalArgumentException("no points to cluster");
        }
        if (k < 1 || k > points.length) {
            throw new IllegalArgumentException("k must be between 1 and the number of points (" + points.length + "), got " + k);
        }
        double[] norms = norms(points);
        SplittableRandom random = new SplittableRandom(seed);
        Result best = null;
        for (int run = 0; run < Math.max(1, restarts); run++) {
            Result result = lloyd(points, norms, seed(points, norms, k, Math.min(points.length, seedSample), random.split()),
                    maxIterations);
            if (best == null || result.inertia() < best.inertia()) {
                best = result;
            }
        }
        return best;
    }

    static int seedSampleSize(int points, int k) {
        return Math.min(points, Math.max(SEED_SAMPLE_MIN, SEED_SAMPLE_PER_CLUSTER * k));
    }

    static double[] norms(float[][] points) {
        double[] norms = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            norms[i] = dot(points[i], points[i]);
        }
        return norms;
    }

    /** Greedy k-means++ on a uniform sample of {@code sampleSize} distinct points (all of them when it is n). */
    static float[][] seed(float[][] points, double[] norms, int k, int sampleSize, SplittableRandom random) {
        if (sampleSize >= points.length) {
            return seedPlusPlus(points, norms, k, random);
        }
        int[] order = new int[points.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        float[][] sample = new float[sampleSize][];
        double[] sampleNorms = new double[sampleSize];
        for (int i = 0; i < sampleSize; i++) {
            int j = i + random.nextInt(order.length - i);
            int chosen = order[j];
            order[j] = order[i];
            order[i] = chosen;
            sample[i] = points[chosen];
            sampleNorms[i] = norms[chosen];
        }
        return seedPlusPlus(sample, sampleNorms, k, random);
    }

    /**
     * Greedy k-means++ (as in scikit-learn): each next seed is the best of 2 + ln(k) candidates drawn with
     * probability proportional to their squared distance to the nearest seed, "best" being the candidate
     * that lowers the total of those distances most. Plain k-means++ (one candidate) gives worse starts.
     * The candidates' distances are computed together, in one blocked pass over the points.
     */
    static float[][] seedPlusPlus(float[][] points, double[] norms, int k, SplittableRandom random) {
        int n = points.length;
        int trials = 2 + (int) Math.log(k);
        float[][] centroids = new float[k][];
        centroids[0] = points[random.nextInt(n)].clone();
        double[] nearest = distancesTo(points, norms, new float[][] {centroids[0]}, null)[0];
        double potential = sum(nearest);
        for (int c = 1; c < k; c++) {
            float[][] candidates = new float[trials][];
            for (int t = 0; t < trials; t++) {
                candidates[t] = points[potential <= 0 ? random.nextInt(n) : sample(nearest, potential, random.nextDouble())];
            }
            double[][] distances = distancesTo(points, norms, candidates, nearest);
            int bestCandidate = 0;
            double bestPotential = Double.MAX_VALUE;
            for (int t = 0; t < trials; t++) {
                double candidatePotential = sum(distances[t]);
                if (candidatePotential < bestPotential) {
                    bestPotential = candidatePotential;
                    bestCandidate = t;
                }
            }
            centroids[c] = candidates[bestCandidate].clone();
            nearest = distances[bestCandidate];
            potential = bestPotential;
        }
        return centroids;
    }

    /** Squared distances to each centre, capped by {@code cap} (the distances to the seeds so far) when given. */
    private static double[][] distancesTo(float[][] points, double[] norms, float[][] centres, double[] cap) {
        double[] centreNorms = new double[centres.length];
        for (int c = 0; c < centres.length; c++) {
            centreNorms[c] = dot(centres[c], centres[c]);
        }
        double[][] distances = new double[centres.length][points.length];
        ThreadLocal<BlockedDots> kernels = ThreadLocal.withInitial(() -> new BlockedDots(points[0].length, centres.length));
        int blocks = (points.length + BlockedDots.BLOCK - 1) / BlockedDots.BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            BlockedDots kernel = kernels.get();
            int from = b * BlockedDots.BLOCK;
            int count = Math.min(BlockedDots.BLOCK, points.length - from);
            kernel.compute(points, from, count, centres, centres.length);
            for (int c = 0; c < centres.length; c++) {
                for (int i = 0; i < count; i++) {
                    double d = Math.max(0, norms[from + i] - 2 * (double) kernel.dot(i, c) + centreNorms[c]);
                    distances[c][from + i] = cap == null ? d : Math.min(d, cap[from + i]);
                }
            }
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
            changed = assign(points, norms, centroids, assignment, distance) > 0;
            centroids = update(points, assignment, centroids, dim, distance);
        }
        return new Result(assignment, centroids, inertia(points, assignment, centroids), iteration);
    }

    /**
     * Assigns every point to its nearest centroid (recording the squared distance); returns how many moved.
     * Blocks of points run in parallel, each against all centroids at once.
     */
    static long assign(float[][] points, double[] norms, float[][] centroids, int[] assignment, double[] distance) {
        int k = centroids.length;
        double[] centroidNorms = new double[k];
        for (int c = 0; c < k; c++) {
            centroidNorms[c] = dot(centroids[c], centroids[c]);
        }
        ThreadLocal<BlockedDots> kernels = ThreadLocal.withInitial(() -> new BlockedDots(points[0].length, k));
        int blocks = (points.length + BlockedDots.BLOCK - 1) / BlockedDots.BLOCK;
        return IntStream.range(0, blocks).parallel().mapToLong(b -> {
            BlockedDots kernel = kernels.get();
            int from = b * BlockedDots.BLOCK;
            int count = Math.min(BlockedDots.BLOCK, points.length - from);
            kernel.compute(points, from, count, centroids, k);
            long moved = 0;
            for (int i = 0; i < count; i++) {
                int bestCentroid = 0;
                double bestDistance = Double.MAX_VALUE;
                for (int c = 0; c < k; c++) {
                    double d = centroidNorms[c] - 2 * (double) kernel.dot(i, c);
                    if (d < bestDistance) {
                        bestDistance = d;
                        bestCentroid = c;
                    }
                }
                int p = from + i;
                distance[p] = Math.max(0, bestDistance + norms[p]);
                if (assignment[p] != bestCentroid) {
                    moved++;
                    assignment[p] = bestCentroid;
                }
            }
            return moved;
        }).sum();
    }

    /** The exact inertia (in double, point by point) of the final assignment to the final centroids. */
    private static double inertia(float[][] points, int[] assignment, float[][] centroids) {
        return IntStream.range(0, points.length).parallel().mapToDouble(i -> {
            float[] p = points[i];
            float[] c = centroids[assignment[i]];
            double sum = 0;
            for (int d = 0; d < p.length; d++) {
                double diff = (double) p[d] - c[d];
                sum += diff * diff;
            }
            return sum;
        }).sum();
    }

    /** New centroids as the means of their points; an emptied cluster takes the point farthest from its centroid. */
    static float[][] update(float[][] points, int[] assignment, float[][] previous, int dim, double[] distance) {
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
