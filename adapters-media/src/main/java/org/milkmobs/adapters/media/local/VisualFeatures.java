package org.milkmobs.adapters.media.local;

/**
 * Per-frame visual features of a 64×36 RGB frame, 128 values in five blocks:
 * <ol>
 *   <li>[0, 48) colour: a histogram of 40 chromatic bins (10 hues × 2 saturations × 2 values) and 8 grey
 *       levels, as the deviation from a uniform histogram;</li>
 *   <li>[48, 96) layout: mean luma and chroma (Y, Cb, Cr) of a 4×4 grid, centred on mid-grey;</li>
 *   <li>[96, 108) structure: 8 edge orientations weighted by gradient strength, and edge density per quadrant;</li>
 *   <li>[108, 124) motion: mean luma change since the previous frame per grid cell;</li>
 *   <li>[124, 128) global: brightness, contrast, saturation, colourfulness.</li>
 * </ol>
 * Every block is centred so that unrelated videos average to near-orthogonal vectors.
 */
final class VisualFeatures {

    static final int DIMENSION = 128;
    static final int[][] BLOCKS = {{0, 48}, {48, 96}, {96, 108}, {108, 124}, {124, 128}};

    private static final int W = LocalPerceptualModel.FRAME_WIDTH;
    private static final int H = LocalPerceptualModel.FRAME_HEIGHT;
    private static final int GRID = 4;

    private float[] previousLuma;

    /** The features of the next frame of a stream ({@code rgb} holds W×H×3 bytes). */
    float[] next(byte[] rgb) {
        if (rgb.length != W * H * 3) {
            throw new IllegalArgumentException("expected a " + W + "x" + H + " RGB frame");
        }
        float[] f = new float[DIMENSION];
        float[] luma = new float[W * H];
        double[] cellY = new double[GRID * GRID];
        double[] cellCb = new double[GRID * GRID];
        double[] cellCr = new double[GRID * GRID];
        double sumY = 0;
        double sumY2 = 0;
        double sumS = 0;
        double sumRg = 0;
        double sumYb = 0;
        double sumRg2 = 0;
        double sumYb2 = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = (y * W + x) * 3;
                double r = (rgb[i] & 0xFF) / 255.0;
                double g = (rgb[i + 1] & 0xFF) / 255.0;
                double b = (rgb[i + 2] & 0xFF) / 255.0;
                double lum = 0.299 * r + 0.587 * g + 0.114 * b;
                luma[y * W + x] = (float) lum;
                int cell = (y * GRID / H) * GRID + (x * GRID / W);
                cellY[cell] += lum;
                cellCb[cell] += 0.5 - 0.168736 * r - 0.331264 * g + 0.5 * b;
                cellCr[cell] += 0.5 + 0.5 * r - 0.418688 * g - 0.081312 * b;
                double max = Math.max(r, Math.max(g, b));
                double min = Math.min(r, Math.min(g, b));
                double saturation = max == 0 ? 0 : (max - min) / max;
                f[colourBin(r, g, b, max, min, saturation)] += 1;
                sumY += lum;
                sumY2 += lum * lum;
                sumS += saturation;
                double rg = r - g;
                double yb = 0.5 * (r + g) - b;
                sumRg += rg;
                sumYb += yb;
                sumRg2 += rg * rg;
                sumYb2 += yb * yb;
            }
        }
        int pixels = W * H;
        for (int bin = 0; bin < 48; bin++) {
            f[bin] = (float) (f[bin] / pixels - 1.0 / 48);
        }
        int cellPixels = pixels / (GRID * GRID);
        for (int cell = 0; cell < GRID * GRID; cell++) {
            f[48 + cell * 3] = (float) (cellY[cell] / cellPixels - 0.5);
            f[48 + cell * 3 + 1] = (float) (cellCb[cell] / cellPixels - 0.5);
            f[48 + cell * 3 + 2] = (float) (cellCr[cell] / cellPixels - 0.5);
        }
        structure(luma, f);
        motion(luma, f);
        double meanY = sumY / pixels;
        double meanRg = sumRg / pixels;
        double meanYb = sumYb / pixels;
        double colourfulness = Math.sqrt(Math.max(0, sumRg2 / pixels - meanRg * meanRg) + Math.max(0, sumYb2 / pixels - meanYb * meanYb))
                + 0.3 * Math.sqrt(meanRg * meanRg + meanYb * meanYb);
        f[124] = (float) (meanY - 0.5);
        f[125] = (float) (Math.sqrt(Math.max(0, sumY2 / pixels - meanY * meanY)) - 0.2);
        f[126] = (float) (sumS / pixels - 0.3);
        f[127] = (float) (colourfulness - 0.3);
        previousLuma = luma;
        return f;
    }

    private static int colourBin(double r, double g, double b, double max, double min, double saturation) {
        if (saturation < 0.2 || max < 0.15) {
            return 40 + Math.min(7, (int) (max * 8));
        }
        double delta = max - min;
        double hue;
        if (max == r) {
            hue = ((g - b) / delta) % 6;
        } else if (max == g) {
            hue = (b - r) / delta + 2;
        } else {
            hue = (r - g) / delta + 4;
        }
        hue = (hue < 0 ? hue + 6 : hue) / 6;
        int hueBin = Math.min(9, (int) (hue * 10));
        int satBin = saturation < 0.6 ? 0 : 1;
        int valBin = max < 0.6 ? 0 : 1;
        return hueBin * 4 + satBin * 2 + valBin;
    }

    private static void structure(float[] luma, float[] f) {
        double[] orientation = new double[8];
        double[] density = new double[4];
        double total = 0;
        for (int y = 1; y < H - 1; y++) {
            for (int x = 1; x < W - 1; x++) {
                double gx = luma[y * W + x + 1] - luma[y * W + x - 1];
                double gy = luma[(y + 1) * W + x] - luma[(y - 1) * W + x];
                double magnitude = Math.sqrt(gx * gx + gy * gy);
                if (magnitude < 0.02) {
                    continue;
                }
                double angle = Math.atan2(gy, gx);
                int bin = (int) Math.floor(((angle + Math.PI) / (2 * Math.PI)) * 8) % 8;
                orientation[bin] += magnitude;
                density[(y < H / 2 ? 0 : 2) + (x < W / 2 ? 0 : 1)] += magnitude;
                total += magnitude;
            }
        }
        for (int bin = 0; bin < 8; bin++) {
            f[96 + bin] = (float) (total == 0 ? 0 : orientation[bin] / total - 1.0 / 8);
        }
        int quadrantPixels = (W - 2) * (H - 2) / 4;
        for (int q = 0; q < 4; q++) {
            f[104 + q] = (float) (Math.sqrt(density[q] / quadrantPixels) - 0.2);
        }
    }

    private void motion(float[] luma, float[] f) {
        if (previousLuma == null) {
            return;
        }
        double[] cells = new double[GRID * GRID];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                cells[(y * GRID / H) * GRID + (x * GRID / W)] += Math.abs(luma[y * W + x] - previousLuma[y * W + x]);
            }
        }
        int cellPixels = W * H / (GRID * GRID);
        for (int cell = 0; cell < GRID * GRID; cell++) {
            f[108 + cell] = (float) Math.sqrt(cells[cell] / cellPixels);
        }
    }

    /**
     * Turns the mean features of a clip into its embedding: every block scaled to unit length (blocks
     * that barely vary stay small), weighted, and the whole L2-normalised.
     */
    static float[] embedding(float[] meanFeatures) {
        double[] weights = {1.0, 1.0, 0.6, 0.5, 0.4};
        float[] out = new float[DIMENSION];
        for (int b = 0; b < BLOCKS.length; b++) {
            int from = BLOCKS[b][0];
            int to = BLOCKS[b][1];
            double norm = 0;
            for (int i = from; i < to; i++) {
                norm += meanFeatures[i] * meanFeatures[i];
            }
            double scale = weights[b] / Math.max(Math.sqrt(norm), 0.05);
            for (int i = from; i < to; i++) {
                out[i] = (float) (meanFeatures[i] * scale);
            }
        }
        return org.milkmobs.domain.embedding.Vectors.normalised(out);
    }
}
