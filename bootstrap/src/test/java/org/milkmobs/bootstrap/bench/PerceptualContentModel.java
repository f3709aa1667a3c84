package org.milkmobs.bootstrap.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.milkmobs.adapters.aws.testing.ContentModel;

/**
 * A content model for the Bedrock double that looks at the media, for the relevance benchmark: the double's default
 * ({@link ContentModel#HASHING}) hashes byte trigrams, so a re-encoded copy of a video, or another take of the same
 * look, shares nothing with it and visual similarity through the double measures nothing. This one decodes the file
 * with ffmpeg: a clip's visual vector is the mean of its frames (2 per second) shrunk to 8×6 RGB, centred, and
 * projected to the model's dimension by a fixed Gaussian matrix (seed 17); its audio vector is the energy in 24
 * logarithmic bands of 8 kHz mono sound, projected the same way (seed 29; the transcription vector, for sound that
 * says nothing, another projection of it, seed 31). Same bytes, same vectors; similar
 * pictures, near vectors (a projection keeps cosines roughly). Text stays hashed words, as in the default: a text
 * query therefore lives in a space of its own, and the vector leg of a text search through the double is noise.
 */
final class PerceptualContentModel implements ContentModel {

    private static final int WIDTH = 8;
    private static final int HEIGHT = 6;
    private static final int FRAME = WIDTH * HEIGHT * 3;
    private static final int FRAMES_PER_SECOND = 2;
    private static final int SAMPLE_RATE = 8000;
    private static final int BANDS = 24;

    @Override
    public float[] text(String text, int dimension) {
        return HASHING.text(text, dimension);
    }

    @Override
    public float[] image(byte[] image, int dimension) {
        return HASHING.image(image, dimension);
    }

    @Override
    public List<Clip> media(byte[] media, int segmentSeconds, int dimension) {
        Path file = null;
        try {
            file = Files.createTempFile("double-media", ".bin");
            Files.write(file, media);
            byte[] frames = ffmpeg(file, "-vf", "fps=" + FRAMES_PER_SECOND + ",scale=" + WIDTH + ":" + HEIGHT + ":flags=area",
                    "-pix_fmt", "rgb24", "-f", "rawvideo");
            byte[] sound = ffmpeg(file, "-vn", "-ac", "1", "-ar", String.valueOf(SAMPLE_RATE), "-f", "s16le");
            double seconds = Math.max(frames.length / (double) (FRAME * FRAMES_PER_SECOND), sound.length / (2.0 * SAMPLE_RATE));
            List<Clip> clips = new ArrayList<>();
            for (double start = 0; start < seconds; start += segmentSeconds) {
                double end = Math.min(seconds, start + segmentSeconds);
                float[] visual = project(picture(frames, start, end), 17, dimension);
                float[] audio = project(bands(sound, start, end), 29, dimension);
                clips.add(new Clip(start, end, visual, audio, project(bands(sound, start, end), 31, dimension)));
            }
            if (clips.isEmpty()) {
                return HASHING.media(media, segmentSeconds, dimension);
            }
            return clips;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    private static double[] picture(byte[] frames, double start, double end) {
        double[] mean = new double[FRAME];
        int from = (int) Math.floor(start * FRAMES_PER_SECOND);
        int to = Math.min(frames.length / FRAME, (int) Math.ceil(end * FRAMES_PER_SECOND));
        for (int f = from; f < to; f++) {
            for (int i = 0; i < FRAME; i++) {
                mean[i] += ((frames[f * FRAME + i] & 0xFF) / 255.0 - 0.5) / Math.max(1, to - from);
            }
        }
        return mean;
    }

    /** Log energy per band of a 512-point DFT over 64 ms windows, bands spaced logarithmically from 60 Hz to 4 kHz. */
    private static double[] bands(byte[] sound, double start, double end) {
        int samples = sound.length / 2;
        int from = (int) (start * SAMPLE_RATE);
        int to = Math.min(samples, (int) (end * SAMPLE_RATE));
        double[] energy = new double[BANDS];
        int window = 512;
        for (int w = from; w + window <= to; w += window * 4) {
            for (int band = 0; band < BANDS; band++) {
                double hz = 60 * Math.pow(4000 / 60.0, (band + 0.5) / BANDS);
                double re = 0;
                double im = 0;
                for (int n = 0; n < window; n++) {
                    double x = (short) ((sound[2 * (w + n)] & 0xFF) | (sound[2 * (w + n) + 1] << 8)) / 32768.0;
                    re += x * Math.cos(2 * Math.PI * hz * n / SAMPLE_RATE);
                    im -= x * Math.sin(2 * Math.PI * hz * n / SAMPLE_RATE);
                }
                energy[band] += re * re + im * im;
            }
        }
        double mean = 0;
        for (int band = 0; band < BANDS; band++) {
            energy[band] = Math.log1p(energy[band]);
            mean += energy[band] / BANDS;
        }
        for (int band = 0; band < BANDS; band++) {
            energy[band] -= mean;
        }
        return energy;
    }

    private static float[] project(double[] features, int seed, int dimension) {
        Random random = new Random(seed);
        float[] out = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            double sum = 0;
            for (double feature : features) {
                sum += feature * random.nextGaussian();
            }
            out[d] = (float) sum;
        }
        return ContentModel.normalised(out, seed, dimension);
    }

    private static byte[] ffmpeg(Path input, String... output) throws IOException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-i", input.toString()));
        command.addAll(List.of(output));
        command.add("-");
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(out);
        }
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out.toByteArray();
    }
}
