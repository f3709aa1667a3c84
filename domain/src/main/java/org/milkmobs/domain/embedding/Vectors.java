package org.milkmobs.domain.embedding;

/** The vector arithmetic the domain needs, in one place. */
public final class Vectors {

    private Vectors() {
    }

    /** Scales to unit length; a zero vector stays zero. */
    public static float[] normalised(float[] vector) {
        double norm = Math.sqrt(dot(vector, vector));
        float[] out = new float[vector.length];
        if (norm == 0) {
            return out;
        }
        for (int i = 0; i < vector.length; i++) {
            out[i] = (float) (vector[i] / norm);
        }
        return out;
    }

    public static double dot(float[] a, float[] b) {
        requireSameLength(a, b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    /** Cosine similarity in [-1, 1]; 0 when either vector is zero. */
    public static double cosine(float[] a, float[] b) {
        double na = Math.sqrt(dot(a, a));
        double nb = Math.sqrt(dot(b, b));
        return na == 0 || nb == 0 ? 0 : dot(a, b) / (na * nb);
    }

    /** The element-wise mean of equally long vectors. */
    public static float[] mean(java.util.List<float[]> vectors) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("the mean of no vectors");
        }
        double[] sum = new double[vectors.get(0).length];
        for (float[] v : vectors) {
            requireSameLength(v, vectors.get(0));
            for (int i = 0; i < v.length; i++) {
                sum[i] += v[i];
            }
        }
        float[] mean = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            mean[i] = (float) (sum[i] / vectors.size());
        }
        return mean;
    }

    private static void requireSameLength(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different dimensions: " + a.length + " and " + b.length);
        }
    }
}
