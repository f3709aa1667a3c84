package org.milkmobs.domain.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
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

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new NearDuplicates(0, 0.9, 0.7)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new NearDuplicates(0.8, 1.5, 0.7)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new NearDuplicates(0.8, 0.9, 1.1)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Footage(Double.NaN, List.of())).isInstanceOf(InvalidValueException.class);
    }

    private Footage footage(List<float[]> clips) {
        return new Footage(clips.size() * CLIP_SECONDS, clips);
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
