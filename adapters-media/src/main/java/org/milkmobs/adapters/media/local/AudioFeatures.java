package org.milkmobs.adapters.media.local;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * Audio features of 16 kHz mono PCM, streamed: 64-band log-mel spectra of 64 ms frames (hop 32 ms),
 * averaged per clip into 128 values (band means centred across bands, so loudness does not dominate,
 * and band spreads), plus the statistics behind the silence check and the speech/music hints.
 */
final class AudioFeatures {

    static final int DIMENSION = 128;
    static final int BANDS = 64;
    private static final int FRAME = 1024;
    private static final int HOP = 512;
    /** Quieter than this (dBFS, over the whole track) counts as silent. */
    static final double SILENCE_DBFS = -50;

    private static final FastFourierTransformer FFT = new FastFourierTransformer(DftNormalization.STANDARD);
    private static final double[][] MEL = melFilterbank();
    private static final double[] HANN = hann();

    private final double[] window = new double[FRAME];
    private int filled;
    private long samples;
    private double sumSquares;
    private long frames;

    /** Consumes samples in [-1, 1]; calls {@code sink} with each complete frame's features. */
    void accept(double[] chunk, int length, FrameSink sink) {
        for (int i = 0; i < length; i++) {
            window[filled++] = chunk[i];
            sumSquares += chunk[i] * chunk[i];
            samples++;
            if (filled == FRAME) {
                sink.frame(frames * (double) HOP / LocalPerceptualModel.AUDIO_SAMPLE_RATE, analyse(window));
                frames++;
                System.arraycopy(window, HOP, window, 0, FRAME - HOP);
                filled = FRAME - HOP;
            }
        }
    }

    /** The whole track's loudness in dBFS (−∞ for digital silence). */
    double loudnessDbfs() {
        return samples == 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(Math.max(sumSquares / samples, 1e-20));
    }

    boolean silent() {
        return loudnessDbfs() < SILENCE_DBFS;
    }

    private static Frame analyse(double[] samples) {
        double[] windowed = new double[FRAME];
        double energy = 0;
        for (int i = 0; i < FRAME; i++) {
            windowed[i] = samples[i] * HANN[i];
            energy += samples[i] * samples[i];
        }
        Complex[] spectrum = FFT.transform(windowed, TransformType.FORWARD);
        double[] power = new double[FRAME / 2 + 1];
        double logSum = 0;
        double sum = 0;
        for (int k = 0; k < power.length; k++) {
            power[k] = spectrum[k].getReal() * spectrum[k].getReal() + spectrum[k].getImaginary() * spectrum[k].getImaginary();
            logSum += Math.log(power[k] + 1e-12);
            sum += power[k];
        }
        double flatness = Math.exp(logSum / power.length) / (sum / power.length + 1e-12);
        double[] mel = new double[BANDS];
        for (int band = 0; band < BANDS; band++) {
            double e = 0;
            for (int k = 0; k < power.length; k++) {
                e += MEL[band][k] * power[k];
            }
            mel[band] = Math.log10(e + 1e-10);
        }
        return new Frame(mel, 10 * Math.log10(Math.max(energy / FRAME, 1e-20)), flatness);
    }

    /** The embedding of a clip from the sums of its frames' log-mel bands. */
    static float[] embedding(double[] bandSum, double[] bandSumSquares, long frameCount) {
        float[] out = new float[DIMENSION];
        if (frameCount == 0) {
            return out;
        }
        double[] mean = new double[BANDS];
        double overall = 0;
        for (int b = 0; b < BANDS; b++) {
            mean[b] = bandSum[b] / frameCount;
            overall += mean[b];
        }
        overall /= BANDS;
        for (int b = 0; b < BANDS; b++) {
            out[b] = (float) (mean[b] - overall);
            double variance = Math.max(0, bandSumSquares[b] / frameCount - mean[b] * mean[b]);
            out[BANDS + b] = (float) (0.5 * Math.sqrt(variance));
        }
        return org.milkmobs.domain.embedding.Vectors.normalised(out);
    }

    private static double[] hann() {
        double[] w = new double[FRAME];
        for (int i = 0; i < FRAME; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (FRAME - 1));
        }
        return w;
    }

    /** Triangular filters evenly spaced on the mel scale from 60 Hz to 7.6 kHz. */
    private static double[][] melFilterbank() {
        int bins = FRAME / 2 + 1;
        double low = mel(60);
        double high = mel(7600);
        double[] edges = new double[BANDS + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = hz(low + (high - low) * i / (BANDS + 1)) * FRAME / LocalPerceptualModel.AUDIO_SAMPLE_RATE;
        }
        double[][] filters = new double[BANDS][bins];
        for (int band = 0; band < BANDS; band++) {
            for (int k = 0; k < bins; k++) {
                double rise = (k - edges[band]) / (edges[band + 1] - edges[band]);
                double fall = (edges[band + 2] - k) / (edges[band + 2] - edges[band + 1]);
                filters[band][k] = Math.max(0, Math.min(rise, fall));
            }
        }
        return filters;
    }

    private static double mel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    private static double hz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }

    /** One 64 ms frame: log-mel bands, loudness in dBFS, spectral flatness (0 = pure tone, 1 = noise). */
    record Frame(double[] mel, double dbfs, double flatness) {
    }

    @FunctionalInterface
    interface FrameSink {
        void frame(double seconds, Frame frame);
    }
}
