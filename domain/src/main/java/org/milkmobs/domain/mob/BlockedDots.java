package org.milkmobs.domain.mob;

import java.util.Arrays;

/**
 * Dot products of a block of points with a set of centres, shaped for the JIT's auto-vectoriser. A scalar
 * {@code sum += a[i] * b[i]} is one long dependency chain that C2 does not vectorise (it may not reorder float
 * additions); here the block is transposed (one array of 64 points' values per dimension) so the inner loop is
 * an element-wise {@code out[i] += x[i] * s} over the block's points, four centres per pass so each loaded value
 * feeds four independent accumulators. Each row is its own array, indexed from 0: C2 (JDK 17) vectorises
 * {@code a[i]} but gives up on {@code a[offset + i]} mixed with another array's {@code b[other + i]} (measured:
 * 5-9 GMAC/s a core against 1). Accumulation is in float, in a fixed order: deterministic.
 */
final class BlockedDots {

    /** Points per block: their transposed values (dimension x 64 floats) stay in the core's L2 cache. */
    static final int BLOCK = 64;

    private final int dimension;
    private final float[][] transposed;
    private final float[][] dots;

    BlockedDots(int dimension, int maxCentres) {
        this.dimension = dimension;
        this.transposed = new float[dimension][BLOCK];
        this.dots = new float[maxCentres][BLOCK];
    }

    /** Computes {@code points[from + i] · centres[c]} for {@code i < count <= BLOCK}; read them with {@link #dot}. */
    void compute(float[][] points, int from, int count, float[][] centres, int centreCount) {
        float[][] x = transposed;
        for (int i = 0; i < count; i++) {
            float[] p = points[from + i];
            for (int d = 0; d < dimension; d++) {
                x[d][i] = p[d];
            }
        }
        if (count < BLOCK) {
            for (float[] row : x) {
                Arrays.fill(row, count, BLOCK, 0f);
            }
        }
        int c = 0;
        for (; c + 4 <= centreCount; c += 4) {
            fourCentres(x, centres[c], centres[c + 1], centres[c + 2], centres[c + 3], dots[c], dots[c + 1], dots[c + 2], dots[c + 3]);
        }
        for (; c < centreCount; c++) {
            float[] centre = centres[c];
            float[] out = dots[c];
            Arrays.fill(out, 0f);
            for (int d = 0; d < dimension; d++) {
                float s = centre[d];
                float[] xd = x[d];
                for (int i = 0; i < BLOCK; i++) {
                    out[i] += xd[i] * s;
                }
            }
        }
    }

    private void fourCentres(float[][] x, float[] c0, float[] c1, float[] c2, float[] c3, float[] o0, float[] o1, float[] o2, float[] o3) {
        Arrays.fill(o0, 0f);
        Arrays.fill(o1, 0f);
        Arrays.fill(o2, 0f);
        Arrays.fill(o3, 0f);
        for (int d = 0; d < dimension; d++) {
            float s0 = c0[d];
            float s1 = c1[d];
            float s2 = c2[d];
            float s3 = c3[d];
            float[] xd = x[d];
            for (int i = 0; i < BLOCK; i++) {
                float v = xd[i];
                o0[i] += v * s0;
                o1[i] += v * s1;
                o2[i] += v * s2;
                o3[i] += v * s3;
            }
        }
    }

    /** The dot product of the block's {@code i}-th point with centre {@code c}, after {@link #compute}. */
    float dot(int i, int c) {
        return dots[c][i];
    }
}
