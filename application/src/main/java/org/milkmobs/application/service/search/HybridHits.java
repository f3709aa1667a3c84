package org.milkmobs.application.service.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.application.port.out.search.TextSearchPort;
import org.milkmobs.application.port.out.search.TextSearchPort.TextMatch;
import org.milkmobs.domain.search.Fusion;
import org.milkmobs.domain.search.Leg;
import org.milkmobs.domain.search.Moment;
import org.milkmobs.domain.search.SearchHit;
import org.milkmobs.domain.search.Snippet;
import org.milkmobs.domain.search.TextQuery;
import org.milkmobs.domain.video.VideoId;

/** What the searches that fuse a vector ranking with a full-text ranking share: the fusion, moments per hit, snippets. */
final class HybridHits {

    private HybridHits() {
    }

    /** Vector and full-text rankings fused as asked; vector scores and moments are kept, and each leg's score. */
    static List<SearchHit> fuse(List<SearchHit> vectorHits, List<TextMatch> textMatches, Fusion fusion) {
        Map<VideoId, SearchHit> byVector = new LinkedHashMap<>();
        vectorHits.stream().sorted(SearchHit.RANKING).forEach(hit -> byVector.putIfAbsent(hit.video(), hit));
        Map<VideoId, Double> vectorScores = new LinkedHashMap<>();
        byVector.forEach((video, hit) -> vectorScores.put(video, hit.score()));
        Map<VideoId, Double> textScores = new LinkedHashMap<>();
        textMatches.forEach(m -> textScores.putIfAbsent(m.video(), m.rank()));
        List<SearchHit> fused = new ArrayList<>();
        fusion.fuse(vectorScores, List.copyOf(vectorScores.keySet()), textScores, List.copyOf(textScores.keySet())).forEach((video, score) -> {
            SearchHit hit = byVector.get(video);
            Map<Leg, Double> legs = new EnumMap<>(Leg.class);
            Optional.ofNullable(vectorScores.get(video)).ifPresent(v -> legs.put(Leg.VECTOR, v));
            Optional.ofNullable(textScores.get(video)).ifPresent(t -> legs.put(Leg.FULL_TEXT, t));
            fused.add(new SearchHit(video, score, hit == null ? Map.of() : hit.modalityScores(), hit == null ? List.of() : hit.moments(),
                    Optional.empty(), legs));
        });
        return fused;
    }

    /** One hit per moment (a hit without moments stays whole), each ranked by its video's score. */
    static List<SearchHit> perMoment(List<SearchHit> videoHits) {
        List<SearchHit> hits = new ArrayList<>();
        for (SearchHit hit : videoHits) {
            if (hit.moments().isEmpty()) {
                hits.add(hit);
            }
            hit.moments().forEach(m -> hits.add(new SearchHit(hit.video(), hit.score(), Map.of(m.modality(), m.score()), List.of(m),
                    Optional.empty(), hit.legs())));
        }
        return hits;
    }

    /** Adds the highlights whose words match to hits that have no (vector) moment yet. */
    static List<SearchHit> withTextMoments(TextSearchPort texts, TextQuery query, List<SearchHit> hits, int perVideo) {
        List<VideoId> without = hits.stream().filter(h -> h.moments().isEmpty()).map(SearchHit::video).toList();
        Map<VideoId, List<Moment>> highlights = texts.matchingHighlights(query, without, perVideo);
        return hits.stream().map(h -> h.moments().isEmpty() && highlights.containsKey(h.video()) ? h.withMoments(highlights.get(h.video()))
                : h).toList();
    }

    /** A page's hits with the stretch of on-screen text or summary that matched, where one did. */
    static List<SearchHit> withSnippets(TextSearchPort texts, TextQuery query, List<SearchHit> page) {
        Map<VideoId, Snippet> snippets = texts.snippets(query, page.stream().map(SearchHit::video).toList());
        return page.stream().map(h -> h.withSnippet(Optional.ofNullable(snippets.get(h.video())))).toList();
    }
}
