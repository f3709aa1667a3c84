package org.milkmobs.domain.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milkmobs.domain.InvalidValueException;

class FusionTest {

    private static final Map<String, Double> VECTOR = ordered("a", 0.9, "b", 0.8, "c", 0.5);
    private static final Map<String, Double> TEXT = ordered("c", 0.6, "d", 0.3, "a", 0.1);

    private static Map<String, Double> ordered(Object... pairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return map;
    }

    private static Map<String, Double> fuse(Fusion fusion) {
        return fusion.fuse(VECTOR, List.copyOf(VECTOR.keySet()), TEXT, List.copyOf(TEXT.keySet()));
    }

    @Test
    void relativeScoreFusionWeighsEachLegsScaledScoresByAlpha() {
        Map<String, Double> fused = fuse(Fusion.relative(0.5));

        // vector scaled: a 1, b 0.75, c 0; text scaled: c 1, d 0.4, a 0
        assertThat(fused.get("a")).isCloseTo(0.5, within(1e-9));
        assertThat(fused.get("b")).isCloseTo(0.375, within(1e-9));
        assertThat(fused.get("c")).isCloseTo(0.5, within(1e-9));
        assertThat(fused.get("d")).isCloseTo(0.2, within(1e-9));
        assertThat(fuse(Fusion.relative(1)).get("d")).as("alpha 1: words do not count").isZero();
        assertThat(fuse(Fusion.relative(0)).get("b")).as("alpha 0: meaning does not count").isZero();
    }

    @Test
    void rrfUsesTheRanksAloneAndAlphaIsBounded() {
        Map<String, Double> fused = fuse(Fusion.RRF);

        assertThat(fused).containsOnlyKeys("a", "b", "c", "d");
        assertThat(fused.get("a")).isGreaterThan(fused.get("b"));
        assertThat(fused.get("c")).isGreaterThan(fused.get("d"));
        assertThat(Fusion.scaled(Map.of("x", 0.4, "y", 0.4))).as("equal scores scale to 1").containsEntry("x", 1.0).containsEntry("y", 1.0);
        assertThatThrownBy(() -> Fusion.relative(1.5)).isInstanceOf(InvalidValueException.class).hasMessageContaining("alpha");
    }
}
