package org.milkmobs.domain.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.video.NearDuplicates.Comparison;
import org.milkmobs.domain.video.NearDuplicates.Footage;

class NearDuplicatesTest {

    private static final int DIMENSION = 64;
    private static final double CLIP_SECONDS = 4;

    private final NearDuplicates rule = new NearDuplicates(0.8, 0.9, 0.7);
    private final Random random = new Random(21);

    @Test
    void aReEncodeMatchesEveryClipInOrder() {
        List<float[]> scenes = scenes(6);
        Comparison c = rule.compare(footage(scenes), footage(noisy(scenes, 0.05)));
        assertThat(c.aligned()).isEqualTo(6);
        assertThat(c.share()).isEqualTo(1.0);
        assertThat(c.nearDuplicate()).isTrue();
    }

    @Test
    void aTrimmedReEditIsANearDuplicateWhileMostClipsRemain() {
        List<float[]> scenes = scenes(8);
        List<float[]> trimmed = noisy(scenes.subList(1, 8), 0.05);
        Comparison c = rule.compare(footage(scenes), footage(trimmed));
        assertThat(c.aligned()).isEqualTo(7);
        assertThat(c.share()).isEqualTo(7.0 / 8);
        assertThat(c.durationRatio()).isEqualTo(7.0 / 8);
        assertThat(c.nearDuplicate()).isTrue();
    }

    @Test
    void aSpeedChangeSkipsClipsButKeepsTheirOrder() {
        List<float[]> scenes = scenes(10);
        // played 1.25 times as fast: 8 clips, each close to one of the original's, in the same order
        List<float[]> faster = new ArrayList<>();
        for (int i : new int[] {0, 1, 2, 4, 5, 6, 8, 9}) {
            faster.add(scenes.get(i));
        }
        Comparison c = rule.compare(footage(scenes), footage(noisy(faster, 0.05)));
        assertThat(c.aligned()).isEqualTo(8);
        assertThat(c.durationRatio()).isEqualTo(0.8);
        assertThat(c.nearDuplicate()).isTrue();
    }

    @Test
    void aSharedIntroAndOutroAreNotEnough() {
        List<float[]> intro = scenes(1);
        List<float[]> outro = scenes(1);
        List<float[]> first = concat(intro, scenes(4), outro);
        List<float[]> second = concat(intro, scenes(4), outro);
        Comparison c = rule.compare(footage(first), footage(second));
        assertThat(c.aligned()).isEqualTo(2);
        assertThat(c.durationRatio()).isEqualTo(1.0);
        assertThat(c.nearDuplicate()).as("same length, but only the intro and outro match").isFalse();
    }

    @Test
    void durationsAloneRuleOutVideosOfAnotherLengthAsComparingWould() {
        List<float[]> scenes = scenes(4);
        assertThat(rule.durationsClose(16, 12.8)).as("0.8 of the longer").isTrue();
        assertThat(rule.durationsClose(12.7, 16)).isFalse();
        assertThat(rule.durationsClose(0, 0)).as("no footage has no length to match").isFalse();
        assertThat(rule.compare(new Footage(16, scenes), new Footage(12.7, scenes)).nearDuplicate())
                .as("the same clips do not make a pair when the lengths rule it out").isFalse();
    }

    @Test
    void theSameClipsShuffledDoNotAlign() {
        List<float[]> scenes = scenes(6);
        List<float[]> reversed = new ArrayList<>(scenes);
        java.util.Collections.reverse(reversed);
        Comparison c = rule.compare(footage(scenes), footage(reversed));
        assertThat(c.aligned()).isEqualTo(1);
        assertThat(c.nearDuplicate()).isFalse();
    }

    @Test
    void aShortExcerptOfALongVideoIsNotANearDuplicate() {
        List<float[]> scenes = scenes(10);
        Comparison c = rule.compare(footage(scenes), footage(scenes.subList(0, 4)));
        assertThat(c.aligned()).isEqualTo(4);
        assertThat(c.share()).as("coverage counts for both videos").isEqualTo(0.4);
        assertThat(c.nearDuplicate()).isFalse();
    }

    @Test
    void durationsFarApartAreNoNearDuplicateEvenWhenClipsMatch() {
        List<float[]> scenes = scenes(5);
        Comparison c = rule.compare(new Footage(20, scenes), new Footage(40, scenes));
        assertThat(c.share()).isEqualTo(1.0);
        assertThat(c.durationRatio()).isEqualTo(0.5);
        assertThat(c.nearDuplicate()).isFalse();
    }

    @Test
    void aVideoWithoutClipsMatchesNothing() {
        Comparison c = rule.compare(new Footage(0, List.of()), footage(scenes(3)));
        assertThat(c.aligned()).isZero();
        assertThat(c.nearDuplicate()).isFalse();
    }

    // --- with fingerprints (ADR 0030) ---------------------------------------------------------------------------

    @Test
    void twoRunsOfOneLookWhoseClipsMatchAreNotNearDuplicatesWhenTheirFramesDiffer() {
        // the clip vectors describe a look that both share (same colours, layout, edges): they match clip for clip
        List<float[]> look = scenes(3);
        Comparison c = rule.compare(footage(look, frames(12, 1)), footage(noisy(look, 0.05), frames(12, 2)));
        assertThat(c.share()).isEqualTo(1.0);
        assertThat(c.frameShare()).hasValue(0.0);
        assertThat(c.nearDuplicate()).as("another run of the same texture").isFalse();
    }

    @Test
    void aReEncodeAndATrimKeepTheirFramesAligned() {
        List<float[]> clips = scenes(3);
        byte[][] frames = frames(12, 3);
        Comparison reEncode = rule.compare(footage(clips, frames), footage(noisy(clips, 0.05), noisyFrames(frames, 6)));
        assertThat(reEncode.frameShare()).hasValue(1.0);
        assertThat(reEncode.nearDuplicate()).isTrue();

        // cut from 2 s: ten of the twelve seconds, clips shifted by half a window but still close to their originals
        byte[][] trimmed = java.util.Arrays.copyOfRange(frames, 2, 12);
        Comparison trim = rule.compare(footage(clips, frames), new Footage(10, noisy(clips, 0.05), Optional.of(fingerprint(trimmed))));
        assertThat(trim.frameShare()).hasValue(10.0 / 12);
        assertThat(trim.nearDuplicate()).isTrue();
    }

    @Test
    void framesMatchingOnlyInAnotherOrderOrOnlyForAnIntroAreNotEnough() {
        List<float[]> clips = scenes(3);
        byte[][] frames = frames(12, 4);
        byte[][] introOnly = frames(12, 5);
        System.arraycopy(frames, 0, introOnly, 0, 3);
        Comparison c = rule.compare(footage(clips, frames), footage(noisy(clips, 0.05), introOnly));
        assertThat(c.frameShare()).hasValue(3.0 / 12);
        assertThat(c.nearDuplicate()).isFalse();
    }

    @Test
    void aTrimWhoseClipsMissTheirOriginalsIsANearDuplicateWhenItsFramesAlign() {
        // a continuous zoom cut 2 s in, half a 4 s clip window: every clip vector moves off its original, the frames do not
        byte[][] frames = frames(12, 7);
        byte[][] trimmed = noisyFrames(java.util.Arrays.copyOfRange(frames, 2, 12), 6);
        Comparison c = rule.compare(footage(scenes(3), frames), new Footage(10, scenes(3), Optional.of(fingerprint(trimmed))));
        assertThat(c.aligned()).as("no clip matches").isZero();
        assertThat(c.frameShare()).hasValue(10.0 / 12);
        assertThat(c.nearDuplicate()).as("the frames decide").isTrue();
        assertThat(c.decidingShare()).isEqualTo(10.0 / 12);
        assertThat(NearDuplicatePair.of(VideoId.generate(), VideoId.generate(), c, java.time.Instant.EPOCH).share())
                .as("the pair records the share that decided").isEqualTo(10.0 / 12);
    }

    @Test
    void aSharedThreeSecondIntroBeforeTheSameStaticSceneIsNotEnough() {
        // a test card: every second of it is the same picture, so the nine seconds after the intro align with any nine of
        // a 12 s video of the card, and its clips after the intro match too
        byte[] card = frames(1, 8)[0];
        byte[][] base = new byte[12][];
        java.util.Arrays.fill(base, card);
        byte[][] withIntro = new byte[12][];
        System.arraycopy(frames(3, 9), 0, withIntro, 0, 3);
        java.util.Arrays.fill(withIntro, 3, 12, card);
        float[] cardClip = scenes(1).get(0);
        List<float[]> cardClips = List.of(cardClip, cardClip, cardClip);
        List<float[]> introClips = List.of(scenes(1).get(0), cardClip, cardClip);
        Comparison c = rule.compare(footage(cardClips, base), footage(introClips, noisyFrames(withIntro, 6)));
        assertThat(c.frameShare()).hasValue(9.0 / 12);
        assertThat(c.nearDuplicate()).as("0.75 of the frames, under 0.8").isFalse();
    }

    @Test
    void framesAlignedOverJustUnderTheShareAreNotEnoughAndAtTheShareAreEnough() {
        // a 40 s video and a re-edit of the same length with a stretch in the middle replaced by other footage
        List<float[]> clips = scenes(10);
        byte[][] frames = frames(40, 10);
        byte[][] other = frames(40, 11);
        byte[][] eightReplaced = frames.clone();
        System.arraycopy(other, 16, eightReplaced, 16, 8);
        byte[][] nineReplaced = frames.clone();
        System.arraycopy(other, 16, nineReplaced, 16, 9);

        Comparison atShare = rule.compare(footage(clips, frames), footage(noisy(clips, 0.05), noisyFrames(eightReplaced, 6)));
        assertThat(atShare.frameShare()).hasValue(32.0 / 40);
        assertThat(atShare.nearDuplicate()).isTrue();
        Comparison under = rule.compare(footage(clips, frames), footage(noisy(clips, 0.05), noisyFrames(nineReplaced, 6)));
        assertThat(under.frameShare()).hasValue(31.0 / 40);
        assertThat(under.share()).as("the clips alone would have called it one").isGreaterThanOrEqualTo(0.7);
        assertThat(under.nearDuplicate()).isFalse();
    }

    @Test
    void aSpeedChangeKeepsItsFramesInOrder() {
        // a slowly changing picture played 1.2 times as fast: each of its seconds is close to one of the original's, in order
        byte[][] textures = frames(2, 12);
        byte[][] original = new byte[12][];
        for (int s = 0; s < original.length; s++) {
            original[s] = blended(textures, s, 1.0);
        }
        byte[][] faster = new byte[10][];
        for (int s = 0; s < faster.length; s++) {
            faster[s] = blended(textures, s * 1.2, 1.2);
        }
        List<float[]> scenes = scenes(3);
        Comparison c = rule.compare(footage(scenes, original), footage(noisy(scenes, 0.05), noisyFrames(faster, 6)));
        assertThat(c.durationRatio()).isEqualTo(10.0 / 12);
        assertThat(c.frameShare()).hasValue(10.0 / 12);
        assertThat(c.nearDuplicate()).isTrue();
    }

    @Test
    void withAFingerprintOnOneSideOnlyTheClipRuleDecides() {
        List<float[]> clips = scenes(3);
        Comparison c = rule.compare(footage(clips, frames(12, 6)), footage(noisy(clips, 0.05)));
        assertThat(c.frameShare()).isEmpty();
        assertThat(c.nearDuplicate()).isTrue();
    }

    @Test
    void aFlatFrameMatchesNothingAndFingerprintsAreChecked() {
        byte[][] flat = new byte[12][GRID_W * GRID_H];
        Comparison c = rule.compare(footage(scenes(3), flat), footage(scenes(3), flat));
        assertThat(c.frameShare()).hasValue(0.0);
        assertThatThrownBy(() -> new Fingerprint(32, 18, new byte[100])).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Fingerprint(0, 18, new byte[0])).isInstanceOf(InvalidValueException.class);
        assertThat(new Fingerprint(2, 2, new byte[8]).frames()).isEqualTo(2);
        assertThat(new Fingerprint(2, 2, new byte[4]).comparableWith(new Fingerprint(2, 1, new byte[2]))).isFalse();
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new NearDuplicates(0.8, 0.9, 0.7, 1.2, 0.8)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new NearDuplicates(0.8, 0.9, 0.7, 0.9, 0)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new NearDuplicates(0.8, 0.9, 0.7, 0.9, 1.1)).isInstanceOf(InvalidValueException.class);
        assertThat(new NearDuplicates(0.8, 0.9, 0.7).minFrameShare()).isEqualTo(NearDuplicates.DEFAULT_MIN_FRAME_SHARE);
        assertThatThrownBy(() -> new NearDuplicates(0, 0.9, 0.7)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new NearDuplicates(0.8, 1.5, 0.7)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new NearDuplicates(0.8, 0.9, 1.1)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Footage(Double.NaN, List.of())).isInstanceOf(InvalidValueException.class);
    }

    private Footage footage(List<float[]> clips) {
        return new Footage(clips.size() * CLIP_SECONDS, clips);
    }

    private static final int GRID_W = 32;
    private static final int GRID_H = 18;

    private Footage footage(List<float[]> clips, byte[][] frames) {
        return new Footage(frames.length, clips, Optional.of(fingerprint(frames)));
    }

    private static Fingerprint fingerprint(byte[][] frames) {
        byte[] cells = new byte[frames.length * GRID_W * GRID_H];
        for (int f = 0; f < frames.length; f++) {
            System.arraycopy(frames[f], 0, cells, f * GRID_W * GRID_H, GRID_W * GRID_H);
        }
        return new Fingerprint(GRID_W, GRID_H, cells);
    }

    /** Seconds of a random texture: every cell its own grey, a run per seed. */
    private static byte[][] frames(int seconds, long seed) {
        Random texture = new Random(seed);
        byte[][] frames = new byte[seconds][GRID_W * GRID_H];
        for (byte[] frame : frames) {
            texture.nextBytes(frame);
        }
        return frames;
    }

    /**
     * One second of a picture that turns slowly from one texture to another and back (0.5 rad a second), as the
     * analyzer sees it: the mean of four frames sampled over the {@code length} seconds of source from {@code start}.
     */
    private static byte[] blended(byte[][] textures, double start, double length) {
        byte[] out = new byte[GRID_W * GRID_H];
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (int k = 0; k < 4; k++) {
                double angle = 0.5 * (start + length * (k + 0.5) / 4);
                sum += 128 + 0.45 * (Math.cos(angle) * textures[0][i] + Math.sin(angle) * textures[1][i]);
            }
            out[i] = (byte) Math.round(sum / 4);
        }
        return out;
    }

    /** The same seconds after a lossy re-encode: every cell a few greys off. */
    private byte[][] noisyFrames(byte[][] frames, int amount) {
        byte[][] out = new byte[frames.length][];
        for (int f = 0; f < frames.length; f++) {
            out[f] = new byte[frames[f].length];
            for (int i = 0; i < out[f].length; i++) {
                out[f][i] = (byte) Math.max(0, Math.min(255, (frames[f][i] & 0xFF) + random.nextInt(2 * amount + 1) - amount));
            }
        }
        return out;
    }

    /** Unrelated scenes: random directions, nearly orthogonal in 64 dimensions. */
    private List<float[]> scenes(int count) {
        List<float[]> scenes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] v = new float[DIMENSION];
            for (int d = 0; d < DIMENSION; d++) {
                v[d] = (float) random.nextGaussian();
            }
            scenes.add(v);
        }
        return scenes;
    }

    /** The same scenes after a lossy re-encode: a little noise on every component. */
    private List<float[]> noisy(List<float[]> clips, double amount) {
        return clips.stream().map(clip -> {
            float[] v = clip.clone();
            for (int d = 0; d < v.length; d++) {
                v[d] += (float) (random.nextGaussian() * amount);
            }
            return v;
        }).toList();
    }

    @SafeVarargs
    private static List<float[]> concat(List<float[]>... parts) {
        List<float[]> all = new ArrayList<>();
        for (List<float[]> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
