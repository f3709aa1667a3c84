package org.milkmobs.application.service.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.application.port.in.search.SearchResults.SearchResult;
import org.milkmobs.application.port.in.search.SearchResults;
import org.milkmobs.application.port.in.search.SearchResults.VideoCard;
import org.milkmobs.application.port.out.VideoDetailsReadPort;
import org.milkmobs.application.port.out.VideoDetailsReadPort.VideoWithFacts;
import org.milkmobs.application.service.video.VideoUrls;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.search.RanLeg;
import org.milkmobs.domain.search.ResultWindow;
import org.milkmobs.domain.search.SearchHit;
import org.milkmobs.domain.search.SearchMode;
import org.milkmobs.domain.video.VideoId;

/** Puts the videos to a page of hits: one read of the videos with their mobs for the whole page, whatever its size (ADR 0029). */
public class ResultCards {

    private final VideoDetailsReadPort videos;
    private final VideoUrls urls;

    public ResultCards(VideoDetailsReadPort videos, VideoUrls urls) {
        this.videos = videos;
        this.urls = urls;
    }

    /** A page of results with its cursor to the next page (absent on the last). */
    public SearchResults results(SearchMode mode, EmbeddingModel model, Optional<String> note, Optional<String> queryId,
                                 List<SearchHit> page, ResultWindow.Slice slice, long fingerprint) {
        return results(mode, model, note, queryId, page, slice, fingerprint, List.of());
    }

    /** As above, naming the legs that ran (a composed search). */
    public SearchResults results(SearchMode mode, EmbeddingModel model, Optional<String> note, Optional<String> queryId,
                                 List<SearchHit> page, ResultWindow.Slice slice, long fingerprint, List<RanLeg> legs) {
        return new SearchResults(mode, model.id(), note, queryId, of(page), slice.next().map(key -> SearchCursor.encode(fingerprint, key)),
                legs);
    }

    /**
     * As {@link #results(SearchMode, EmbeddingModel, Optional, Optional, List, ResultWindow.Slice, long)}, the page's videos read
     * already (with something else, in the same round trip).
     */
    public SearchResults results(SearchMode mode, EmbeddingModel model, List<SearchHit> page, Map<VideoId, VideoWithFacts> videos,
                                 ResultWindow.Slice slice, long fingerprint) {
        return new SearchResults(mode, model.id(), Optional.empty(), Optional.empty(), of(page, videos),
                slice.next().map(key -> SearchCursor.encode(fingerprint, key)), List.of());
    }

    /** The hits with their videos, in the hits' order; a video deleted meanwhile drops out. */
    public List<SearchResult> of(List<SearchHit> hits) {
        List<VideoId> ids = hits.stream().map(SearchHit::video).distinct().toList();
        return of(hits, ids.isEmpty() ? Map.of() : videos.videosWithFacts(ids));
    }

    private List<SearchResult> of(List<SearchHit> hits, Map<VideoId, VideoWithFacts> byId) {
        List<SearchResult> results = new ArrayList<>();
        for (SearchHit hit : hits) {
            VideoWithFacts found = byId.get(hit.video());
            if (found != null) {
                results.add(new SearchResult(new VideoCard(found.video(), urls.thumbnail(found.video()), found.facts().mob()), hit));
            }
        }
        return results;
    }
}
