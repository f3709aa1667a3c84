package org.milkmobs.application.port.out.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.milkmobs.domain.search.Moment;
import org.milkmobs.domain.search.SearchFilters;
import org.milkmobs.domain.search.TextQuery;
import org.milkmobs.domain.search.Snippet;
import org.milkmobs.domain.search.Visibility;
import org.milkmobs.domain.video.VideoId;

/**
 * Full-text search over what is written about and in a video: title, hashtags, description, the text on
 * screen (OCR) and the analyzer's summary, read for intent: see {@link TextQuery}; a word the catalogue does not hold
 * may also match its words one typo away.
 */
public interface TextSearchPort {

    /** Up to {@code k} videos matching {@code query}, best first, each with its rank scaled to [0, 1). */
    List<TextMatch> search(TextQuery query, Visibility visibility, SearchFilters filters, int k);

    /** For each of the videos whose OCR text or summary matches, the matching stretch. */
    Map<VideoId, Snippet> snippets(TextQuery query, Collection<VideoId> videos);

    /** For each of the videos, the analyzer's highlights (timed descriptions) that match, as moments. */
    Map<VideoId, List<Moment>> matchingHighlights(TextQuery query, Collection<VideoId> videos, int perVideo);

    record TextMatch(VideoId video, double rank) {
    }
}
