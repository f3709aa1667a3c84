package org.milkmobs.domain.video;

import java.util.Arrays;
import org.milkmobs.domain.InvalidValueException;

/**
 * A compact perceptual fingerprint of a video's picture (ADR 0030): one frame per second of video, each the mean luma
 * of that second on a {@code width}×{@code height} grid, one byte (0..255) per cell, frames one after the other in
 * {@code cells}. Fine enough to tell two runs of one random texture apart (their clip vectors are alike), coarse and
 * averaged enough that re-encoding noise, a trim or a change of size keep it.
 */
public final class Fingerprint {

    private final int width;
    private final int height;
    private final byte[] cells;

    public Fingerprint(int width, int height, byte[] cells) {
        if (width < 1 || height < 1 || (long) width * height > 65_536) {
            throw new InvalidValueException("fingerprint", "a fingerprint grid is 1 to 65536 cells, got " + width + "x" + height);
        }
        if (cells.length % (width * height) != 0) {
            throw new InvalidValueException("fingerprint", "a fingerprint holds whole frames of " + width * height + " cells, got "
                    + cells.length + " cells");
        }
        this.width = width;
        this.height = height;
        this.cells = cells.clone();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Frames, one per second of video. */
    public int frames() {
        return cells.length / (width * height);
    }

    public byte[] cells() {
        return cells.clone();
    }

    /** Two fingerprints can be compared when their grids are the same. */
    public boolean comparableWith(Fingerprint other) {
        return width == other.width && height == other.height;
    }

    /**
     * Each frame centred on its mean and scaled to unit length, so that the dot product of two frames is their
     * correlation (brightness and contrast changes do not count); a flat frame is all zeros and matches nothing.
     */
    float[][] normalisedFrames() {
        int size = width * height;
        float[][] out = new float[frames()][size];
        for (int f = 0; f < out.length; f++) {
            double mean = 0;
            for (int i = 0; i < size; i++) {
                mean += cells[f * size + i] & 0xFF;
            }
            mean /= size;
            double norm = 0;
            for (int i = 0; i < size; i++) {
                double v = (cells[f * size + i] & 0xFF) - mean;
                out[f][i] = (float) v;
                norm += v * v;
            }
            double length = Math.sqrt(norm);
            for (int i = 0; i < size; i++) {
                out[f][i] = length < 1e-9 ? 0 : (float) (out[f][i] / length);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && width == f.width && height == f.height && Arrays.equals(cells, f.cells);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(cells);
    }

    @Override
    public String toString() {
        return "Fingerprint[" + width + "x" + height + ", " + frames() + " frames]";
    }
}
