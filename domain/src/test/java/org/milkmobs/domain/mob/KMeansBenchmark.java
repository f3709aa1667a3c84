package org.milkmobs.domain.mob;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import smile.clustering.KMeans;

/**
 * Batch k-means on synthetic clustered vectors, printing figures and asserting nothing
 * ({@code ./mm bench kmeans [points] [dimension] [k] [maxIterations] [smile]}):
 * <ol>
 *   <li>one Lloyd iteration (assignment + centroid update) on the same data and centroids: the scalar loop we had
 *       (one accumulator per dot product), ours ({@link BlockedDots}), and numpy/OpenBLAS in python3 (the same
 *       iteration as ‖x‖² − 2XCᵀ + ‖c‖², argmin, means), best of three each;</li>
 *   <li>whole runs: seeding on a sample (ours now) against greedy k-means++ over every point (ours before), with
 *       seeding's share of the run and the inertia of each;</li>
 *   <li>with {@code smile}: Smile's {@code KMeans.lloyd} on the same data (about two minutes).</li>
 * </ol>
 */
public final class KMeansBenchmark {

    private KMeansBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int dimension = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int maxIterations = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        boolean smile = args.length > 4 && args[4].equals("smile");
        int[] truth = new int[points];
        // K true communities with overlapping spread, as real look-alike videos are
        float[][] data = KMeansTest.blobs(k, points / k, dimension, 8.0, 2026, truth);
        double[] norms = org.milkmobs.domain.mob.KMeans.norms(data);
        System.out.printf(Locale.ROOT, "k-means on %d x %d (K=%d, at most %d iterations, %d cores)%n", data.length, dimension, k,
                maxIterations, Runtime.getRuntime().availableProcessors());
        // warm-up, so the JIT has compiled every kernel before anything is timed
        org.milkmobs.domain.mob.KMeans.cluster(Arrays.copyOf(data, 5000), 8, 1, 5, 1);
        float[][] start = org.milkmobs.domain.mob.KMeans.seed(data, norms, k, 2_000, new SplittableRandom(1));
        scalarAssign(Arrays.copyOf(data, 5000), Arrays.copyOf(norms, 5000), start, new int[5000], new double[5000]);

        System.out.println("one Lloyd iteration on the same data and centroids, best of 3 (assignment + centroid update):");
        int[] assignment = new int[data.length];
        double[] distance = new double[data.length];
        double scalar = best(() -> scalarAssign(data, norms, start, assignment, distance));
        double ours = best(() -> org.milkmobs.domain.mob.KMeans.assign(data, norms, start, assignment, distance));
        double update = best(() -> org.milkmobs.domain.mob.KMeans.update(data, assignment, start, data[0].length, distance));
        System.out.printf(Locale.ROOT, "  scalar dot loop (before)    : %7.3f + %.3f = %7.3f s%n", scalar, update, scalar + update);
        System.out.printf(Locale.ROOT, "  blocked, vectorised (ours)  : %7.3f + %.3f = %7.3f s  (assignment %.1fx faster)%n", ours, update,
                ours + update, scalar / ours);
        double[] numpy = numpyIteration(data, start);
        if (numpy != null) {
            System.out.printf(Locale.ROOT, "  numpy/OpenBLAS (python3)    : %7.3f + %.3f = %7.3f s%n", numpy[0], numpy[1], numpy[0] + numpy[1]);
            System.out.printf(Locale.ROOT, "  ours/numpy: iteration %.2f (goal <= 3), assignment %.2f, update %.2f%n",
                    (ours + update) / (numpy[0] + numpy[1]), ours / numpy[0], update / numpy[1]);
        }

        System.out.println("whole runs, 1 restart, seed 42:");
        run("seeding on a sample (ours)", data, norms, k, maxIterations, org.milkmobs.domain.mob.KMeans.seedSampleSize(data.length, k));
        run("greedy k-means++ on all (before)", data, norms, k, maxIterations, data.length);

        if (smile) {
            double[][] asDoubles = new double[data.length][];
            for (int i = 0; i < data.length; i++) {
                asDoubles[i] = new double[dimension];
                for (int d = 0; d < dimension; d++) {
                    asDoubles[i][d] = data[i][d];
                }
            }
            KMeans.lloyd(Arrays.copyOf(asDoubles, 5000), 8, 5, 1e-4);
            long started = System.nanoTime();
            KMeans result = KMeans.lloyd(asDoubles, k, maxIterations, 1e-4);
            System.out.printf(Locale.ROOT, "  Smile %s KMeans.lloyd (double): %7.1f s  inertia %.6e%n",
                    KMeans.class.getPackage().getImplementationVersion(), (System.nanoTime() - started) / 1e9, result.distortion);
        }
    }

    private static void run(String name, float[][] data, double[] norms, int k, int maxIterations, int seedSample) {
        long started = System.nanoTime();
        org.milkmobs.domain.mob.KMeans.seed(data, norms, k, seedSample, new SplittableRandom(42).split());
        double seeding = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        org.milkmobs.domain.mob.KMeans.Result result = org.milkmobs.domain.mob.KMeans.cluster(data, k, 1, maxIterations, 42, seedSample);
        double total = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "  %-33s: %7.1f s, seeding %5.2f s (%4.1f %% of the run; goal <= 20 %%), %d iterations, inertia %.6e%n",
                name, total, seeding, 100 * seeding / total, result.iterations(), result.inertia());
    }

    private static double best(Runnable iteration) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            iteration.run();
            best = Math.min(best, (System.nanoTime() - started) / 1e9);
        }
        return best;
    }

    /** The assignment loop as it was: one scalar dot product (one accumulator) per point and centroid. */
    private static void scalarAssign(float[][] data, double[] norms, float[][] centroids, int[] assignment, double[] distance) {
        int k = centroids.length;
        double[] centroidNorms = new double[k];
        for (int c = 0; c < k; c++) {
            centroidNorms[c] = org.milkmobs.domain.mob.KMeans.dot(centroids[c], centroids[c]);
        }
        IntStream.range(0, data.length).parallel().forEach(i -> {
            int bestCentroid = 0;
            double bestDistance = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                double d = centroidNorms[c] - 2 * org.milkmobs.domain.mob.KMeans.dot(data[i], centroids[c]);
                if (d < bestDistance) {
                    bestDistance = d;
                    bestCentroid = c;
                }
            }
            distance[i] = Math.max(0, bestDistance + norms[i]);
            assignment[i] = bestCentroid;
        });
    }

    private static final String NUMPY = """
            import sys, time, numpy as np
            n, dim, k = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
            X = np.fromfile(sys.argv[1], dtype='<f4').reshape(n, dim)
            C = np.fromfile(sys.argv[2], dtype='<f4').reshape(k, dim)
            xx = np.einsum('ij,ij->i', X, X)
            def assign(C):
                d = xx[:, None] - 2.0 * (X @ C.T) + np.einsum('ij,ij->i', C, C)[None, :]
                return d.argmin(axis=1)
            def update(a):
                counts = np.bincount(a, minlength=k)
                starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
                full = counts > 0
                sums = np.zeros((k, dim), dtype=np.float32)
                sums[full] = np.add.reduceat(X[np.argsort(a, kind='stable')], starts[full], axis=0)
                return sums / np.maximum(counts, 1)[:, None]
            best_assign, best_update = 1e9, 1e9
            for _ in range(3):
                t = time.perf_counter(); a = assign(C); best_assign = min(best_assign, time.perf_counter() - t)
                t = time.perf_counter(); update(a); best_update = min(best_update, time.perf_counter() - t)
            try:
                blas = np.__config__.CONFIG['Build Dependencies']['blas']['name']
            except Exception:
                blas = 'see numpy.show_config()'
            print(best_assign, best_update, np.__version__, blas)
            """;

    /** One numpy iteration on the same data, best of three: {assignment, update} seconds; null (and why) without numpy. */
    private static double[] numpyIteration(float[][] data, float[][] centroids) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("kmeans-bench");
        try {
            Path x = write(dir.resolve("x.f32"), data);
            Path c = write(dir.resolve("c.f32"), centroids);
            Path script = Files.writeString(dir.resolve("iteration.py"), NUMPY);
            Process process = new ProcessBuilder(List.of("python3", script.toString(), x.toString(), c.toString(),
                    Integer.toString(data.length), Integer.toString(data[0].length), Integer.toString(centroids.length)))
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0) {
                System.out.println("  numpy: not measured, python3 said: " + out);
                return null;
            }
            String[] parts = out.split("\\s+", 4);
            System.out.printf(Locale.ROOT, "  (numpy %s, BLAS %s)%n", parts[2], parts[3]);
            return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    private static Path write(Path file, float[][] rows) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(rows[0].length * 4).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (float[] row : rows) {
                buffer.clear();
                buffer.asFloatBuffer().put(row);
                out.write(buffer.array());
            }
        }
        return file;
    }
}
