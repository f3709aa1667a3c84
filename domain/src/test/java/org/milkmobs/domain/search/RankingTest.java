package org.milkmobs.domain.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.video.VideoId;

class RankingTest {

    private static final VideoId A = new VideoId(UUID.fromString("00000000-0000-7000-8000-00000000000a"));
    private static final VideoId B = new VideoId(UUID.fromString("00000000-0000-7000-8000-00000000000b"));

    private static VectorMatch clip(VideoId video, Modality modality, double start, double cosine) {
        return new VectorMatch(video, modality, new Segment(start, start + 4), cosine);
    }

    @Test
    void perVideoAVideoScoresAsItsBestClipAndKeepsItsBestDistinctMoments() {
        List<VectorMatch> matches = List.of(clip(A, Modality.VISUAL, 0, 0.2), clip(B, Modality.VISUAL, 4, 0.9),
                clip(A, Modality.VISUAL, 8, 0.6), clip(A, Modality.TRANSCRIPTION, 8, 0.7), clip(A, Modality.VISUAL, 12, 0.4),
                clip(A, Modality.VISUAL, 16, 0.3));

        List<SearchHit> hits = ClipGrouping.byVideo(matches, 3);

        SearchHit a = hits.stream().filter(h -> h.video().equals(A)).findFirst().orElseThrow();
        assertThat(a.score()).isEqualTo(SearchHit.scoreOf(0.7));
        assertThat(a.modalityScores()).isEqualTo(Map.of(Modality.VISUAL, SearchHit.scoreOf(0.6),
                Modality.TRANSCRIPTION, SearchHit.scoreOf(0.7)));
        // the 8 s clip matched in two modalities but is one moment
        assertThat(a.moments()).extracting(m -> m.segment().startSeconds()).containsExactly(8.0, 12.0, 16.0);
        assertThat(ClipGrouping.byClip(matches)).hasSize(6).allSatisfy(h -> assertThat(h.moments()).hasSize(1));
    }

    @Test
    void pagesFollowTheRankingAndNeverRepeatOrSkipAHit() {
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // pairs of equal scores: the id and then the clip start break the ties
            VideoId video = new VideoId(new UUID(0, i % 5));
            hits.add(new SearchHit(video, (i / 2) / 20.0, Map.of(), List.of(new Moment(new Segment(i, i + 1), Modality.VISUAL, 0)),
                    Optional.empty()));
        }
        List<SearchHit> seen = new ArrayList<>();
        Optional<SearchHit.RankKey> after = Optional.empty();
        do {
            ResultWindow.Slice slice = ResultWindow.page(hits, after, 4);
            seen.addAll(slice.hits());
            after = slice.next();
        } while (after.isPresent());

        assertThat(seen).containsExactlyElementsOf(hits.stream().sorted(SearchHit.RANKING).toList());
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.get(0).score()).isGreaterThanOrEqualTo(seen.get(seen.size() - 1).score());
    }

    @Test
    void snippetsBecomePlainTextWithOffsetsOfTheMatchedWords() {
        Snippet snippet = Snippet.fromMarked("ocr", "pour the \u0002milk\u0003 now, \u0002milk\u0003!", "\u0002", "\u0003");

        assertThat(snippet.text()).isEqualTo("pour the milk now, milk!");
        assertThat(snippet.highlights()).extracting(h -> snippet.text().substring(h.start(), h.end())).containsExactly("milk", "milk");
        assertThat(Snippet.fromMarked("ocr", "unclosed \u0002mark", "\u0002", "\u0003").text()).isEqualTo("unclosed mark");
        assertThatThrownBy(() -> new Snippet("ocr", "ab", List.of(new Snippet.Highlight(1, 3)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fusedRanksAreScaledSoThatFirstInEveryListScoresOne() {
        Map<String, Double> fused = ReciprocalRankFusion.fuseNormalised(List.of(List.of("a", "b"), List.of("a", "c")));

        assertThat(fused.get("a")).isEqualTo(1.0);
        assertThat(fused.get("b")).isEqualTo(fused.get("c")).isLessThan(0.5);
    }
}
