package org.milkmobs.domain.mob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BlockedDotsTest {

    @Test
    void blockedDotProductsEqualThePlainOnesForPartialBlocksAndCentreCountsNotAMultipleOfFour() {
        Random random = new Random(5);
        float[][] points = new float[100][37];
        float[][] centres = new float[7][37];
        for (float[][] set : new float[][][] {points, centres}) {
            for (float[] row : set) {
                for (int d = 0; d < row.length; d++) {
                    row[d] = (float) random.nextGaussian();
                }
            }
        }
        BlockedDots kernel = new BlockedDots(37, 7);
        for (int from : new int[] {0, BlockedDots.BLOCK}) {
            int count = Math.min(BlockedDots.BLOCK, points.length - from);
            kernel.compute(points, from, count, centres, centres.length);
            for (int i = 0; i < count; i++) {
                for (int c = 0; c < centres.length; c++) {
                    assertThat((double) kernel.dot(i, c)).isCloseTo(KMeans.dot(points[from + i], centres[c]), within(1e-3));
                }
            }
        }
    }
}
