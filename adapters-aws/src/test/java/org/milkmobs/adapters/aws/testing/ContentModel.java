package org.milkmobs.adapters.aws.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How the Bedrock double turns content into vectors: deterministically, and so that similar content gets
 * similar vectors. The default hashes words (text) and byte trigrams (media) into random directions and
 * sums them, so texts sharing words, and files sharing bytes, land near each other. System tests may plug
 * in a perceptual model for real videos, whose re-encoded variants share no bytes.
 */
public interface ContentModel {

    float[] text(String text, int dimension);

    float[] image(byte[] image, int dimension);

    /**
     * A composed query ({@code text_image}): the sum of the text's and the image's vectors, normalised, so its cosine with
     * any vector is the sum of the parts' cosines scaled by one factor: a test can tell that both parts counted.
     */
    default float[] textImage(String text, byte[] image, int dimension) {
        float[] sum = text(text, dimension).clone();
        add(sum, image(image, dimension));
        return normalised(sum, text.hashCode(), dimension);
    }

    /** A media file's clips of {@code segmentSeconds} each, with one vector per modality. */
    List<Clip> media(byte[] media, int segmentSeconds, int dimension);

    record Clip(double startSec, double endSec, float[] visual, float[] audio, float[] transcription) {
    }

    ContentModel HASHING = new ContentModel() {

        /** Bytes per pretend second of media: the double cannot decode video, so length stands in for duration. */
        private static final int BYTES_PER_SECOND = 4096;

        @Override
        public float[] text(String text, int dimension) {
            float[] sum = new float[dimension];
            for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    add(sum, direction(word.hashCode(), dimension));
                }
            }
            return normalised(sum, text.hashCode(), dimension);
        }

        @Override
        public float[] image(byte[] image, int dimension) {
            return trigrams(image, 0, image.length, 11, dimension);
        }

        @Override
        public List<Clip> media(byte[] media, int segmentSeconds, int dimension) {
            int chunk = segmentSeconds * BYTES_PER_SECOND;
            List<Clip> clips = new ArrayList<>();
            for (int start = 0, index = 0; start < media.length; start += chunk, index++) {
                int end = Math.min(media.length, start + chunk);
                double seconds = (end - start) / (double) BYTES_PER_SECOND;
                clips.add(new Clip(index * segmentSeconds, index * segmentSeconds + seconds, trigrams(media, start, end, 1, dimension),
                        trigrams(media, start, end, 2, dimension), trigrams(media, start, end, 3, dimension)));
            }
            return clips;
        }

        private float[] trigrams(byte[] bytes, int from, int to, int salt, int dimension) {
            float[] sum = new float[dimension];
            for (int i = from; i + 2 < to; i += 3) {
                int gram = ((bytes[i] & 0xFF) << 16) | ((bytes[i + 1] & 0xFF) << 8) | (bytes[i + 2] & 0xFF);
                add(sum, direction(gram * 31 + salt, dimension));
            }
            return normalised(sum, salt * 7919 + to - from, dimension);
        }
    };

    static float[] direction(int seed, int dimension) {
        Random random = new Random(seed);
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static void add(float[] sum, float[] v) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += v[i];
        }
    }

    /** Unit length; an all-zero sum (no content) becomes a fixed direction rather than NaN. */
    static float[] normalised(float[] v, int fallbackSeed, int dimension) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            return normalised(direction(fallbackSeed, dimension), 0, dimension);
        }
        float[] unit = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            unit[i] = (float) (v[i] / Math.sqrt(norm));
        }
        return unit;
    }
}
