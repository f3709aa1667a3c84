package org.milkmobs.domain.mob;

import java.util.Locale;
import smile.clustering.KMeans;

/**
 * Batch k-means on synthetic clustered vectors: ours against Smile's (Lloyd with k-means++ seeding),
 * one run each on the same data, same K and iteration cap. Prints wall time and inertia; asserts nothing.
 * {@code ./mm bench kmeans [points] [dimension] [k] [maxIterations]}.
 */
public final class KMeansBenchmark {

    private KMeansBenchmark() {
    }

    public static void main(String[] args) {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int dimension = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int maxIterations = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int[] truth = new int[points];
        // 64 true communities with overlapping spread, as real look-alike videos are
        float[][] data = KMeansTest.blobs(k, points / k, dimension, 8.0, 2026, truth);
        double[][] asDoubles = new double[data.length][];
        for (int i = 0; i < data.length; i++) {
            asDoubles[i] = new double[dimension];
            for (int d = 0; d < dimension; d++) {
                asDoubles[i][d] = data[i][d];
            }
        }
        System.out.printf(Locale.ROOT, "k-means on %d x %d (K=%d, at most %d iterations, 1 run each, %d cores)%n", data.length, dimension, k,
                maxIterations, Runtime.getRuntime().availableProcessors());
        // one small warm-up of each, so the JIT has compiled both before the timed runs
        org.milkmobs.domain.mob.KMeans.cluster(java.util.Arrays.copyOf(data, 5000), 8, 1, 5, 1);
        KMeans.lloyd(java.util.Arrays.copyOf(asDoubles, 5000), 8, 5, 1e-4);

        long started = System.nanoTime();
        org.milkmobs.domain.mob.KMeans.Result ours = org.milkmobs.domain.mob.KMeans.cluster(data, k, 1, maxIterations, 42);
        double oursSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "  ours  (float, parallel assignment): %7.1f s  inertia %.6e  iterations %d%n", oursSeconds,
                ours.inertia(), ours.iterations());

        started = System.nanoTime();
        KMeans smile = KMeans.lloyd(asDoubles, k, maxIterations, 1e-4);
        double smileSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "  Smile %s KMeans.lloyd (double): %7.1f s  inertia %.6e%n", KMeans.class.getPackage().getImplementationVersion(),
                smileSeconds, smile.distortion);
        System.out.printf(Locale.ROOT, "  time ratio ours/Smile %.2f, inertia ratio ours/Smile %.4f%n", oursSeconds / smileSeconds,
                ours.inertia() / smile.distortion);
    }
}
