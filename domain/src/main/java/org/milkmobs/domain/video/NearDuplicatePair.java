package org.milkmobs.domain.video;

import java.time.Instant;
import java.util.Objects;
import org.milkmobs.domain.InvalidValueException;

/**
 * Two videos found to be near-duplicates (ADR 0026). The {@code original} is the earlier submission (video ids are
 * time-ordered), so a pair is the same whichever of the two was analysed last.
 *
 * @param share         the share that decided (ADR 0030): the aligned frames' share of the longer fingerprint when both
 *                      videos had one, else the aligned clips' share of the longer clip sequence
 * @param durationRatio the shorter duration over the longer
 */
public record NearDuplicatePair(VideoId copy, VideoId original, double share, double durationRatio, Instant detectedAt) {

    public NearDuplicatePair {
        Objects.requireNonNull(copy, "copy");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(detectedAt, "detectedAt");
        if (copy.compareTo(original) <= 0) {
            throw new InvalidValueException("original", "the original of a near-duplicate pair is the earlier, distinct video");
        }
    }

    /** The pair of two distinct videos, the earlier one as the original. */
    public static NearDuplicatePair of(VideoId a, VideoId b, NearDuplicates.Comparison comparison, Instant at) {
        boolean aFirst = a.compareTo(b) < 0;
        return new NearDuplicatePair(aFirst ? b : a, aFirst ? a : b, comparison.decidingShare(), comparison.durationRatio(), at);
    }

    public boolean involves(VideoId video) {
        return copy.equals(video) || original.equals(video);
    }

    /** The other video of the pair. */
    public VideoId partnerOf(VideoId video) {
        return copy.equals(video) ? original : copy;
    }
}
