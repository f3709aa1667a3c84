package org.milkmobs.adapters.rest.search;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.milkmobs.application.port.in.search.SearchResults;
import org.milkmobs.application.port.in.search.SearchResults.SearchResult;
import org.milkmobs.application.port.in.search.SearchResults.VideoCard;
import org.milkmobs.domain.search.Leg;
import org.milkmobs.domain.search.Moment;
import org.milkmobs.domain.search.RanLeg;
import org.milkmobs.domain.search.SearchHit;
import org.milkmobs.domain.search.Snippet;
import org.milkmobs.domain.video.Video;

/** The web models of search results. */
public final class SearchResponses {

    private SearchResponses() {
    }

    static ResultsResponse of(SearchResults results, Function<URI, URI> absolute) {
        return new ResultsResponse(results.mode().name(), results.model(), results.note().orElse(null), results.queryId().orElse(null),
                results.items().stream().map(r -> item(r, absolute)).toList(), results.nextCursor().orElse(null),
                results.legs().isEmpty() ? null : results.legs().stream().map(SearchResponses::leg).toList());
    }

    private static LegResponse leg(RanLeg leg) {
        return new LegResponse(leg.leg() == Leg.VECTOR ? "vector" : "fullText", switch (leg.input()) {
            case TEXT -> "text";
            case IMAGE -> "image";
            case TEXT_IMAGE -> "textImage";
        });
    }

    private static ResultResponse item(SearchResult result, Function<URI, URI> absolute) {
        SearchHit hit = result.hit();
        Map<String, Double> scores = new TreeMap<>();
        hit.modalityScores().forEach((modality, score) -> scores.put(modality.name().toLowerCase(Locale.ROOT), score));
        Map<String, Double> legs = new TreeMap<>();
        hit.legs().forEach((leg, score) -> legs.put(leg == Leg.VECTOR ? "vector" : "fullText", score));
        return new ResultResponse(card(result.video(), absolute), hit.score(), scores, legs.isEmpty() ? null : legs,
                hit.moments().stream().map(SearchResponses::moment).toList(), hit.snippet().map(SearchResponses::snippet).orElse(null));
    }

    private static CardResponse card(VideoCard card, Function<URI, URI> absolute) {
        Video video = card.video();
        return new CardResponse(video.id().toString(), video.owner().value(), video.title().value(), video.hashtags().values(),
                video.status().name(), video.createdAt(), video.media().map(m -> m.durationSeconds()).orElse(null),
                card.thumbnailUrl().map(absolute).orElse(null), card.mob().map(Object::toString).orElse(null));
    }

    private static MomentResponse moment(Moment moment) {
        return new MomentResponse(moment.segment().startSeconds(), moment.segment().endSeconds(),
                moment.modality().name().toLowerCase(Locale.ROOT), moment.score());
    }

    private static SnippetResponse snippet(Snippet snippet) {
        return new SnippetResponse(snippet.field(), snippet.text(),
                snippet.highlights().stream().map(h -> new HighlightResponse(h.start(), h.end())).toList());
    }

    public record ResultsResponse(
            String mode,
            String model,
            String note,
            String queryId,
            List<ResultResponse> items,
            String nextCursor,
            List<LegResponse> legs) {
    }

    /** A ranking that ran, and what it ranked by (text, image, or both as one vector). */
    public record LegResponse(String leg, String input) {
    }

    public record ResultResponse(
            CardResponse video,
            double score,
            Map<String, Double> scores,
            Map<String, Double> legs,
            List<MomentResponse> moments,
            SnippetResponse snippet) {
    }

    public record CardResponse(String videoId, String ownerId,
                        String title, List<String> hashtags,
                        String status, Instant createdAt,
                        Double durationSeconds,
                        URI thumbnailUrl,
                        String mobId) {
    }

    public record MomentResponse(double startSeconds, double endSeconds,
                          String modality,
                          double score) {
    }

    public record SnippetResponse(String field,
                           String text, List<HighlightResponse> highlights) {
    }

    public record HighlightResponse(int start, int end) {
    }

    public record PendingResponse(String queryId,
                           String status,
                           long retryAfterSeconds,
                           URI poll) {
    }
}
