package org.milkmobs.domain.mob;

import java.util.List;

/**
 * A 2-D picture of high-dimensional vectors: principal component analysis, the two directions along which the
 * vectors spread most, found by power iteration on the covariance (never formed: the vectors are multiplied
 * directly, so the cost is O(iterations × n × d)) with deflation for the second. Deterministic: the same vectors
 * give the same picture, so a map does not jump between reloads.
 */
public final class Projection {

    private static final int ITERATIONS = 60;

    private Projection() {
    }

    /** Each vector's coordinates on the first two principal components, in input order. */
    public static List<double[]> toPlane(List<float[]> vectors) {
        int n = vectors.size();
        if (n == 0) {
            return List.of();
        }
        int d = vectors.get(0).length;
        double[] mean = new double[d];
        for (float[] v : vectors) {
            if (v.length != d) {
                throw new IllegalArgumentException("vectors of different dimensions cannot share a map");
            }
            for (int i = 0; i < d; i++) {
                mean[i] += v[i] / (double) n;
            }
        }
        double[] first = principal(vectors, mean, null);
        double[] second = principal(vectors, mean, first);
        return vectors.stream().map(v -> new double[] {centredDot(v, mean, first), centredDot(v, mean, second)}).toList();
    }

    private static double[] principal(List<float[]> vectors, double[] mean, double[] orthogonalTo) {
        int d = mean.length;
        double[] direction = new double[d];
        for (int i = 0; i < d; i++) {
            direction[i] = 1.0 / Math.sqrt(d) * (1 + (i % 7) * 0.1); // fixed, not axis-aligned start
        }
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            if (orthogonalTo != null) {
                subtractProjection(direction, orthogonalTo);
            }
            double[] next = new double[d];
            for (float[] v : vectors) {
                double along = centredDot(v, mean, direction);
                for (int i = 0; i < d; i++) {
                    next[i] += along * (v[i] - mean[i]);
                }
            }
            if (orthogonalTo != null) {
                subtractProjection(next, orthogonalTo);
            }
            double norm = Math.sqrt(dot(next, next));
            if (norm < 1e-12) {
                return new double[d]; // no spread left in this direction: every point sits at 0 on it
            }
            for (int i = 0; i < d; i++) {
                next[i] /= norm;
            }
            direction = next;
        }
        return canonicalSign(direction);
    }

    /** The sign of an eigenvector is arbitrary; fixing it keeps the picture from mirroring between runs. */
    private static double[] canonicalSign(double[] direction) {
        int largest = 0;
        for (int i = 1; i < direction.length; i++) {
            if (Math.abs(direction[i]) > Math.abs(direction[largest])) {
                largest = i;
            }
        }
        if (direction[largest] < 0) {
            for (int i = 0; i < direction.length; i++) {
                direction[i] = -direction[i];
            }
        }
        return direction;
    }

    private static void subtractProjection(double[] v, double[] unit) {
        double along = dot(v, unit);
        for (int i = 0; i < v.length; i++) {
            v[i] -= along * unit[i];
        }
    }

    private static double centredDot(float[] v, double[] mean, double[] direction) {
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += (v[i] - mean[i]) * direction[i];
        }
        return sum;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
