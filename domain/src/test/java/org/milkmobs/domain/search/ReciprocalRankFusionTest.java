package org.milkmobs.domain.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {

    @Test
    void anItemHighInBothListsBeatsOneThatTopsOnlyOne() {
        Map<String, Double> fused = ReciprocalRankFusion.fuse(List.of(List.of("a", "b", "c"), List.of("b", "d", "a")));

        assertThat(fused.get("b")).isCloseTo(1.0 / 62 + 1.0 / 61, within(1e-12));
        assertThat(fused.get("b")).isGreaterThan(fused.get("a"));
        assertThat(fused.get("a")).isGreaterThan(fused.get("d"));
        assertThat(fused).containsOnlyKeys("a", "b", "c", "d");
    }

    @Test
    void cosineMapsOntoAZeroToOneScore() {
        assertThat(SearchHit.scoreOf(1)).isEqualTo(1);
        assertThat(SearchHit.scoreOf(0)).isEqualTo(0.5);
        assertThat(SearchHit.scoreOf(-1)).isEqualTo(0);
    }
}
