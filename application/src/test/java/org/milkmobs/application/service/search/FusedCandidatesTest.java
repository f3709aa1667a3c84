package org.milkmobs.application.service.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.search.SimilarReadPort.FusedMatch;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.video.VideoId;

/** A fused read's candidates: scored as the legs score them, and bounded by the lowest read. */
class FusedCandidatesTest {

    private static final ModalityWeights WEIGHTS = new ModalityWeights(Map.of(Modality.VISUAL, 0.7, Modality.AUDIO, 0.3));
    private static final Set<Modality> LOOK_AND_SOUND = Set.of(Modality.VISUAL, Modality.AUDIO);

    private final VideoId near = VideoId.generate();
    private final VideoId silent = VideoId.generate();
    private final VideoId far = VideoId.generate();
    private final List<FusedMatch> read = List.of(
            new FusedMatch(near, Map.of(Modality.VISUAL, 0.9, Modality.AUDIO, 0.8)),
            new FusedMatch(silent, Map.of(Modality.VISUAL, 0.9)),
            new FusedMatch(far, Map.of(Modality.VISUAL, 0.2, Modality.AUDIO, 0.4)));

    @Test
    void aModalityACandidateLacksScoresUnrelatedAndOneTheSourceLacksIsNotCompared() {
        Map<VideoId, Map<Modality, Double>> scores = new FusedCandidates(read, LOOK_AND_SOUND, 3).scores();

        assertThat(scores.keySet()).containsExactly(near, silent, far);
        assertThat(scores.get(near)).containsOnlyKeys(Modality.VISUAL, Modality.AUDIO);
        assertThat(scores.get(near).get(Modality.AUDIO)).isCloseTo(0.9, within(1e-12));
        assertThat(scores.get(silent)).containsEntry(Modality.AUDIO, SimilarCandidates.UNRELATED);
        assertThat(new FusedCandidates(read, Set.of(Modality.VISUAL), 3).scores().get(near)).as("a silent source compares by look")
                .containsOnlyKeys(Modality.VISUAL);
    }

    @Test
    void theBoundIsTheLowestReadWithItsMarginAndNoneWhereTheReadRanOut() {
        double lowest = WEIGHTS.combine(Map.of(Modality.VISUAL, 0.6, Modality.AUDIO, 0.7));

        assertThat(new FusedCandidates(read, LOOK_AND_SOUND, 3).bound(WEIGHTS))
                .isCloseTo(lowest + FusedCandidates.HALF_PRECISION_MARGIN, within(1e-12));
        assertThat(new FusedCandidates(read, LOOK_AND_SOUND, 4).bound(WEIGHTS)).as("fewer than asked: every candidate is here")
                .isEqualTo(Double.NEGATIVE_INFINITY);
        SimilarCandidates firstTwo = new FusedCandidates(read, LOOK_AND_SOUND, 3).nearest(2);
        assertThat(firstTwo.scores().keySet()).containsExactly(near, silent);
        assertThat(firstTwo.bound(WEIGHTS)).as("what a read two deep would bound: the silent look-alike")
                .isCloseTo(WEIGHTS.combine(Map.of(Modality.VISUAL, 0.95, Modality.AUDIO, 0.5)) + FusedCandidates.HALF_PRECISION_MARGIN,
                        within(1e-12));
    }
}
