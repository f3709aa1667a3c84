package org.milkmobs.adapters.rest.search;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milkmobs.application.port.in.search.SearchVideosUseCase.SearchResult;
import org.milkmobs.application.port.in.search.SearchVideosUseCase.SearchResults;
import org.milkmobs.application.port.in.search.SearchVideosUseCase.VideoCard;
import org.milkmobs.domain.search.Moment;
import org.milkmobs.domain.search.SearchHit;
import org.milkmobs.domain.search.Snippet;
import org.milkmobs.domain.video.Video;

/** The web models of search results. */
public final class SearchResponses {

    private SearchResponses() {
    }

    static ResultsResponse of(SearchResults results, Function<URI, URI> absolute) {
        return new ResultsResponse(results.mode().name(), results.model(), results.note().orElse(null), results.queryId().orElse(null),
                results.items().stream().map(r -> item(r, absolute)).toList(), results.nextCursor().orElse(null));
    }

    private static ResultResponse item(SearchResult result, Function<URI, URI> absolute) {
        SearchHit hit = result.hit();
        Map<String, Double> scores = new TreeMap<>();
        hit.modalityScores().forEach((modality, score) -> scores.put(modality.name().toLowerCase(Locale.ROOT), score));
        return new ResultResponse(card(result.video(), absolute), hit.score(), scores, hit.moments().stream().map(SearchResponses::moment).toList(),
                hit.snippet().map(SearchResponses::snippet).orElse(null));
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

    @Schema(name = "SearchResults", description = "A page of search results, best first")
    public record ResultsResponse(
            @Schema(required = true, type = SchemaType.STRING, enumeration = {"VECTOR", "HYBRID", "FULL_TEXT"},
                    description = "VECTOR: vector similarity; HYBRID: vector and full-text rankings fused by reciprocal rank;"
                            + " FULL_TEXT: full-text only (the active model cannot embed text)") String mode,
            @Schema(required = true, description = "The model whose vectors were compared") String model,
            @Schema(nullable = true, description = "What users should be told about these results") String note,
            @Schema(nullable = true, description = "Image and audio searches: the id that pages on (or polls) without re-sending the file")
            String queryId,
            @Schema(required = true) List<ResultResponse> items,
            @Schema(nullable = true, description = "Pass as cursor, with the same query and options, for the next page") String nextCursor) {
    }

    @Schema(name = "SearchResult")
    public record ResultResponse(
            @Schema(required = true) CardResponse video,
            @Schema(required = true, description = "What results are ordered by, from 0 to 1. Vector modes: (1 + cosine) / 2 (weighted"
                    + " over modalities for similar videos); FULL_TEXT: the text rank; HYBRID: the fused rank, 1 when first in both lists")
            double score,
            @Schema(required = true, description = "Vector similarity per modality (visual, audio, transcription), each (1 + cosine) / 2")
            Map<String, Double> scores,
            @Schema(required = true, description = "The best-matching stretches of the video, best first") List<MomentResponse> moments,
            @Schema(nullable = true, description = "The on-screen text (ocr) or summary that matched a text query") SnippetResponse snippet) {
    }

    @Schema(name = "VideoCard", description = "What a result list shows of a video")
    public record CardResponse(@Schema(required = true, format = "uuid") String videoId, @Schema(required = true) String ownerId,
                        @Schema(required = true) String title, @Schema(required = true) List<String> hashtags,
                        @Schema(required = true) String status, @Schema(required = true) Instant createdAt,
                        @Schema(nullable = true) Double durationSeconds,
                        @Schema(nullable = true, description = "A short-lived URL of the thumbnail (JPEG)") URI thumbnailUrl,
                        @Schema(nullable = true, format = "uuid") String mobId) {
    }

    @Schema(name = "Moment", description = "Where in the video the match is")
    public record MomentResponse(@Schema(required = true) double startSeconds, @Schema(required = true) double endSeconds,
                          @Schema(required = true, description = "visual, audio, transcription, or text (a matching highlight)")
                          String modality,
                          @Schema(required = true) double score) {
    }

    @Schema(name = "Snippet", description = "Plain text; highlights are [start, end) offsets (UTF-16 units) of the matched words")
    public record SnippetResponse(@Schema(required = true, type = SchemaType.STRING, enumeration = {"ocr", "summary"}) String field,
                           @Schema(required = true) String text, @Schema(required = true) List<HighlightResponse> highlights) {
    }

    @Schema(name = "SnippetHighlight")
    public record HighlightResponse(@Schema(required = true) int start, @Schema(required = true) int end) {
    }

    @Schema(name = "PendingSearch", description = "The audio is still being embedded: poll the URL after retryAfterSeconds")
    public record PendingResponse(@Schema(required = true) String queryId,
                           @Schema(required = true, type = SchemaType.STRING, enumeration = {"PENDING"}) String status,
                           @Schema(required = true) long retryAfterSeconds,
                           @Schema(required = true, description = "GET this for the results") URI poll) {
    }
}
