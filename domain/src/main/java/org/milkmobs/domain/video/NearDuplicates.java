package org.milkmobs.domain.video;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.embedding.Vectors;

/**
 * The near-duplicate rule (ADR 0026, 0030): two videos are a re-upload or re-edit of each other when their durations
 * are close and an in-order alignment of their footage covers most of <em>both</em>. Order and coverage of both sides
 * are what keep a shared intro or outro from making a pair; a re-encode, a trim or a small speed change keeps most of
 * the footage matching in order.
 * <p>
 * When both videos have comparable {@link Fingerprint}s (the local analyzer's, ADR 0030), their per-second frames
 * decide: they must align in order over {@code minFrameShare} of the frames of both. Clip vectors describe a look, so
 * two runs of one random texture match clip for clip while their frames do not; and a trim that cuts half a clip
 * window in moves every clip off its original while the frames still align. Without fingerprints on both sides
 * (Marengo) the clip alignment decides, over {@code minShare} of the clips of both.
 *
 * @param minDurationRatio   the shorter duration over the longer must reach this (0..1]
 * @param minClipSimilarity  two clips match when their cosine reaches this
 * @param minShare           without fingerprints: the aligned clips must be at least this share of each video's (0..1]
 * @param minFrameSimilarity two fingerprint frames match when their correlation reaches this
 * @param minFrameShare      with fingerprints: the aligned frames must be at least this share of each video's (0..1]
 */
public record NearDuplicates(double minDurationRatio, double minClipSimilarity, double minShare, double minFrameSimilarity,
                             double minFrameShare) {

    /** The fingerprint frames' default: a correlation of 0.9 over the grid (ADR 0030). */
    public static final double DEFAULT_MIN_FRAME_SIMILARITY = 0.9;

    /**
     * The aligned frames' default share of both videos: 0.8, above the 0.75 that the nine seconds after a 3 s intro make
     * of a 12 s video of one static scene (ADR 0030), below the 0.83 of a 12 s video trimmed by 2 s.
     */
    public static final double DEFAULT_MIN_FRAME_SHARE = 0.8;

    public NearDuplicates {
        requireShare("minDurationRatio", minDurationRatio);
        requireShare("minShare", minShare);
        requireShare("minFrameShare", minFrameShare);
        if (!(minClipSimilarity >= -1 && minClipSimilarity <= 1)) {
            throw new InvalidValueException("minClipSimilarity", "a clip similarity is a cosine from -1 to 1, got " + minClipSimilarity);
        }
        if (!(minFrameSimilarity >= -1 && minFrameSimilarity <= 1)) {
            throw new InvalidValueException("minFrameSimilarity", "a frame similarity is a correlation from -1 to 1, got " + minFrameSimilarity);
        }
    }

    public NearDuplicates(double minDurationRatio, double minClipSimilarity, double minShare) {
        this(minDurationRatio, minClipSimilarity, minShare, DEFAULT_MIN_FRAME_SIMILARITY, DEFAULT_MIN_FRAME_SHARE);
    }

    /** What a comparison needs of a video: its duration, its clip vectors in time order, and its fingerprint if it has one. */
    public record Footage(double durationSeconds, List<float[]> clips, Optional<Fingerprint> fingerprint) {

        public Footage {
            if (!(durationSeconds >= 0) || Double.isInfinite(durationSeconds)) {
                throw new InvalidValueException("durationSeconds", "a duration is a finite number of seconds >= 0, got " + durationSeconds);
            }
            clips = List.copyOf(clips);
            Objects.requireNonNull(fingerprint, "fingerprint");
        }

        public Footage(double durationSeconds, List<float[]> clips) {
            this(durationSeconds, clips, Optional.empty());
        }
    }

    /**
     * @param durationRatio the shorter duration over the longer
     * @param aligned       how many clips the in-order alignment pairs up
     * @param share         {@code aligned} over the clip count of the video with more clips: the smaller coverage
     * @param frameShare    when both videos have comparable fingerprints: the in-order aligned frames over the frame
     *                      count of the one with more frames; when present, it decided (not {@code share})
     */
    public record Comparison(double durationRatio, int aligned, double share, OptionalDouble frameShare, boolean nearDuplicate) {

        public Comparison(double durationRatio, int aligned, double share, boolean nearDuplicate) {
            this(durationRatio, aligned, share, OptionalDouble.empty(), nearDuplicate);
        }

        /** The share that decided: the frames' when both videos had fingerprints, else the clips'. */
        public double decidingShare() {
            return frameShare.orElse(share);
        }
    }

    public Comparison compare(Footage a, Footage b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        double ratio = durationRatio(a.durationSeconds(), b.durationSeconds());
        boolean durationsClose = ratio >= minDurationRatio;
        int most = Math.max(a.clips().size(), b.clips().size());
        int aligned = Math.min(a.clips().size(), b.clips().size()) == 0 ? 0 : aligned(a.clips(), b.clips(), minClipSimilarity, true);
        double share = most == 0 ? 0 : (double) aligned / most;
        if (a.fingerprint().isPresent() && b.fingerprint().isPresent() && a.fingerprint().get().comparableWith(b.fingerprint().get())) {
            List<float[]> framesA = List.of(a.fingerprint().get().normalisedFrames());
            List<float[]> framesB = List.of(b.fingerprint().get().normalisedFrames());
            int mostFrames = Math.max(framesA.size(), framesB.size());
            double frames = mostFrames == 0 ? 0 : (double) aligned(framesA, framesB, minFrameSimilarity, false) / mostFrames;
            return new Comparison(ratio, aligned, share, OptionalDouble.of(frames), durationsClose && frames >= minFrameShare);
        }
        return new Comparison(ratio, aligned, share, durationsClose && aligned > 0 && share >= minShare);
    }

    /**
     * Whether videos of these lengths could be near-duplicates at all: the one test that needs nothing but the
     * durations, so a caller can skip reading the footage of videos it rules out.
     */
    public boolean durationsClose(double secondsA, double secondsB) {
        return durationRatio(secondsA, secondsB) >= minDurationRatio;
    }

    private static double durationRatio(double a, double b) {
        double longer = Math.max(a, b);
        return longer == 0 ? 0 : Math.min(a, b) / longer;
    }

    /**
     * The longest common subsequence of two sequences of vectors, two being equal when their cosine (or, for
     * vectors already of unit length, their dot product) reaches {@code threshold}.
     */
    private static int aligned(List<float[]> a, List<float[]> b, double threshold, boolean cosine) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (float[] x : a) {
            for (int j = 1; j <= b.size(); j++) {
                double similarity = cosine ? Vectors.cosine(x, b.get(j - 1)) : Vectors.dot(x, b.get(j - 1));
                current[j] = similarity >= threshold ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    private static void requireShare(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new InvalidValueException(name, name + " must be above 0 and at most 1, got " + value);
        }
    }
}
