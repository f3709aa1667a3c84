package org.milkmobs.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milkmobs.bootstrap.bench.RelevanceMetrics.Scores;

/** The relevance benchmark's measures on examples worked out by hand. */
class RelevanceMetricsTest {

    @Test
    void precisionAtKCountsMissingPlacesAsMisses() {
        assertThat(RelevanceMetrics.precisionAt(5, List.of("a", "x", "b", "y", "c", "d"), Set.of("a", "b", "c", "d"))).isEqualTo(0.6);
        assertThat(RelevanceMetrics.precisionAt(5, List.of("a", "b"), Set.of("a", "b", "c"))).isEqualTo(0.4);
        assertThat(RelevanceMetrics.precisionAt(5, List.of(), Set.of("a"))).isZero();
    }

    @Test
    void ndcgWeighsHitsByTheirPlace() {
        // hits at places 1 and 3 of 3, two relevant: (1 + 1/log2 4) / (1 + 1/log2 3) = 1.5 / 1.6309 = 0.9197
        assertThat(RelevanceMetrics.ndcgAt(10, List.of("a", "x", "b"), Set.of("a", "b"))).isCloseTo(0.9197, within(1e-4));
        assertThat(RelevanceMetrics.ndcgAt(10, List.of("b", "a", "x"), Set.of("a", "b"))).isEqualTo(1.0);
        // a single hit at place 2 of one relevant: 1/log2 3 = 0.6309
        assertThat(RelevanceMetrics.ndcgAt(10, List.of("x", "a"), Set.of("a"))).isCloseTo(0.6309, within(1e-4));
        // the ideal is cut at k: 3 relevant, k = 2, both places hit
        assertThat(RelevanceMetrics.ndcgAt(2, List.of("a", "b", "c"), Set.of("a", "b", "c"))).isEqualTo(1.0);
        assertThat(RelevanceMetrics.ndcgAt(10, List.of("x", "y"), Set.of("a"))).isZero();
    }

    @Test
    void adjustedRandIndexIsOneForTheSameGroupingUnderOtherNames() {
        Map<String, String> truth = Map.of("1", "A", "2", "A", "3", "B", "4", "B");
        assertThat(RelevanceMetrics.adjustedRandIndex(truth, Map.of("1", "m", "2", "m", "3", "n", "4", "n"))).isEqualTo(1.0);
    }

    @Test
    void adjustedRandIndexOnAWorkedExample() {
        // truth {1,2,3}{4,5,6}; found {1,2}{3,4}{5,6}: pairs together in both = {1,2},{5,6} = 2; together in truth 3+3 = 6,
        // found 1+1+1 = 3; expected 6*3/15 = 1.2, max (6+3)/2 = 4.5, ARI = (2-1.2)/(4.5-1.2) = 0.2424...
        Map<String, String> truth = Map.of("1", "A", "2", "A", "3", "A", "4", "B", "5", "B", "6", "B");
        Map<String, String> found = Map.of("1", "x", "2", "x", "3", "y", "4", "y", "5", "z", "6", "z");
        assertThat(RelevanceMetrics.adjustedRandIndex(truth, found)).isCloseTo(0.8 / 3.3, within(1e-9));
    }

    @Test
    void adjustedRandIndexOfEverythingInOneClusterAgainstTwoFamiliesIsZero() {
        Map<String, String> truth = Map.of("1", "A", "2", "A", "3", "B", "4", "B");
        assertThat(RelevanceMetrics.adjustedRandIndex(truth, Map.of("1", "m", "2", "m", "3", "m", "4", "m"))).isZero();
        assertThatThrownBy(() -> RelevanceMetrics.adjustedRandIndex(truth, Map.of("1", "m"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void precisionRecallAndF1OfFoundPairs() {
        Scores scores = Scores.of(Set.of("ab", "cd", "xy"), Set.of("ab", "cd", "ef", "gh"));
        assertThat(scores.precision()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(scores.recall()).isEqualTo(0.5);
        assertThat(scores.f1()).isCloseTo(2 * (2 / 3.0) * 0.5 / (2 / 3.0 + 0.5), within(1e-9));
        assertThat(Scores.of(Set.of(), Set.of("ab"))).isEqualTo(new Scores(1, 0, 0));
    }
}
