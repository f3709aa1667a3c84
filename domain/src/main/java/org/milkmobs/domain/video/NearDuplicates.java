package org.milkmobs.domain.video;

import java.util.List;
import java.util.Objects;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.embedding.Vectors;

/**
 * The near-duplicate rule (ADR 0026): two videos are a re-upload or re-edit of each other when their durations are
 * close and an in-order alignment of their clips covers most clips of <em>both</em>. Order and coverage of both sides
 * are what keep a shared intro or outro (a few matching clips) from making a pair; a re-encode, a trim or a small
 * speed change keeps most clips matching in order.
 *
 * @param minDurationRatio  the shorter duration over the longer must reach this (0..1]
 * @param minClipSimilarity two clips match when their cosine reaches this
 * @param minShare          the aligned clips must be at least this share of each video's clips (0..1]
 */
public record NearDuplicates(double minDurationRatio, double minClipSimilarity, double minShare) {

    public NearDuplicates {
        requireShare("minDurationRatio", minDurationRatio);
        requireShare("minShare", minShare);
        if (!(minClipSimilarity >= -1 && minClipSimilarity <= 1)) {
            throw new InvalidValueException("minClipSimilarity", "a clip similarity is a cosine from -1 to 1, got " + minClipSimilarity);
        }
    }

    /** What a comparison needs of a video: its duration and its clip vectors in time order. */
    public record Footage(double durationSeconds, List<float[]> clips) {

        public Footage {
            if (!(durationSeconds >= 0) || Double.isInfinite(durationSeconds)) {
                throw new InvalidValueException("durationSeconds", "a duration is a finite number of seconds >= 0, got " + durationSeconds);
            }
            clips = List.copyOf(clips);
        }
    }

    /**
     * @param durationRatio the shorter duration over the longer
     * @param aligned       how many clips the in-order alignment pairs up
     * @param share         {@code aligned} over the clip count of the video with more clips: the smaller coverage
     */
    public record Comparison(double durationRatio, int aligned, double share, boolean nearDuplicate) {
    }

    public Comparison compare(Footage a, Footage b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        double longer = Math.max(a.durationSeconds(), b.durationSeconds());
        double ratio = longer == 0 ? 0 : Math.min(a.durationSeconds(), b.durationSeconds()) / longer;
        int most = Math.max(a.clips().size(), b.clips().size());
        if (Math.min(a.clips().size(), b.clips().size()) == 0) {
            return new Comparison(ratio, 0, 0, false);
        }
        int aligned = alignedClips(a.clips(), b.clips());
        double share = (double) aligned / most;
        return new Comparison(ratio, aligned, share, ratio >= minDurationRatio && share >= minShare);
    }

    /** The longest common subsequence of the two clip sequences, clips being equal when similar enough. */
    private int alignedClips(List<float[]> a, List<float[]> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (float[] clip : a) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = Vectors.cosine(clip, b.get(j - 1)) >= minClipSimilarity ? previous[j - 1] + 1
                        : Math.max(previous[j], current[j - 1]);
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
