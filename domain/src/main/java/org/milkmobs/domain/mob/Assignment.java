package org.milkmobs.domain.mob;

import java.util.Arrays;

/**
 * The optimal assignment of rows to columns of a cost matrix (Hungarian algorithm, O(n³)), for matching
 * new clusters to old mobs. Rectangular matrices are padded with a cost no real pair reaches.
 */
public final class Assignment {

    private Assignment() {
    }

    /** @return for each row, its column, or -1 when the row got a padding column */
    public static int[] minimumCost(double[][] cost) {
        int rows = cost.length;
        int columns = rows == 0 ? 0 : cost[0].length;
        int n = Math.max(rows, columns);
        if (n == 0) {
            return new int[0];
        }
        double max = 0;
        for (double[] row : cost) {
            for (double c : row) {
                max = Math.max(max, Math.abs(c));
            }
        }
        double pad = max * 2 + 1;
        double[][] a = new double[n + 1][n + 1];
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= n; j++) {
                a[i][j] = i <= rows && j <= columns ? cost[i - 1][j - 1] : pad;
            }
        }
        // e-maxx formulation with potentials u, v and the matching p (column -> row)
        double[] u = new double[n + 1];
        double[] v = new double[n + 1];
        int[] p = new int[n + 1];
        int[] way = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[n + 1];
            Arrays.fill(minv, Double.MAX_VALUE);
            boolean[] used = new boolean[n + 1];
            do {
                used[j0] = true;
                int i0 = p[j0];
                int j1 = 0;
                double delta = Double.MAX_VALUE;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        double current = a[i0][j] - u[i0] - v[j];
                        if (current < minv[j]) {
                            minv[j] = current;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] result = new int[rows];
        Arrays.fill(result, -1);
        for (int j = 1; j <= n; j++) {
            if (p[j] >= 1 && p[j] <= rows && j <= columns) {
                result[p[j] - 1] = j - 1;
            }
        }
        return result;
    }
}
