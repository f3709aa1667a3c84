package org.milkmobs.domain.mob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProjectionTest {

    @Test
    void pointsSpreadAlongTwoAxesOfAHigherSpaceKeepTheirShapeOnThePlane() {
        // points on a 3 x 2 grid spanned by two orthogonal directions of a 16-d space, plus tiny noise
        Random random = new Random(1);
        List<float[]> vectors = new ArrayList<>();
        for (int x = 0; x < 3; x++) {
            for (int y = 0; y < 2; y++) {
                float[] v = new float[16];
                for (int i = 0; i < 16; i++) {
                    v[i] = (float) (random.nextGaussian() * 1e-4);
                }
                v[3] += 10 * x; // the wide direction
                v[9] += 2 * y; // the narrow one
                vectors.add(v);
            }
        }
        List<double[]> plane = Projection.toPlane(vectors);
        assertThat(plane).hasSize(6);
        // distances between points survive the projection, because all spread lies in the two directions
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                assertThat(distance(plane.get(a), plane.get(b))).isCloseTo(distance(vectors.get(a), vectors.get(b)), within(1e-2));
            }
        }
        // the first axis carries the wide spread
        assertThat(Math.abs(plane.get(4)[0] - plane.get(0)[0])).isCloseTo(20, within(1e-2));
    }

    @Test
    void theSameVectorsGiveTheSamePictureAndDegenerateInputsStayFinite() {
        List<float[]> vectors = List.of(new float[] {1, 0, 0}, new float[] {0, 1, 0}, new float[] {0, 0, 1}, new float[] {1, 1, 0});
        assertThat(Projection.toPlane(vectors)).usingRecursiveComparison().isEqualTo(Projection.toPlane(vectors));
        assertThat(Projection.toPlane(List.of())).isEmpty();
        List<double[]> single = Projection.toPlane(List.<float[]>of(new float[] {0.5f, 0.5f}));
        assertThat(single.get(0)[0]).isCloseTo(0, within(1e-12));
        assertThat(single.get(0)[1]).isCloseTo(0, within(1e-12));
        List<double[]> line = Projection.toPlane(List.of(new float[] {0, 0}, new float[] {2, 0}));
        assertThat(line.get(1)[0] - line.get(0)[0]).isCloseTo(2, within(1e-9));
        assertThat(line.get(0)[1]).isCloseTo(0, within(1e-12));
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }
}
