package org.milkmobs.application.testing;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.search.TextSearchPort;
import org.milkmobs.domain.search.Moment;
import org.milkmobs.domain.search.SearchFilters;
import org.milkmobs.domain.search.Snippet;
import org.milkmobs.domain.search.TextQuery;
import org.milkmobs.domain.search.Visibility;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/**
 * A plain full-text twin: a video matches by the share of the query's words among the words of its title, description and
 * hashtags (the last word also as a prefix while typed). No typos, no OCR or summaries, so no snippets or highlights: the
 * intent rules are the SQL adapter's (ADR 0021); services need only a ranking with a video's own visibility and filters.
 */
public class InMemoryTextSearch implements TextSearchPort {

    private final LoadVideoPort videos;
    private final Set<VideoId> indexed = new LinkedHashSet<>();

    public InMemoryTextSearch(LoadVideoPort videos) {
        this.videos = videos;
    }

    /** Makes a stored video searchable (the SQL adapter's trigger does it on write). */
    public void index(VideoId video) {
        indexed.add(video);
    }

    @Override
    public List<TextMatch> search(TextQuery query, Visibility visibility, SearchFilters filters, int k) {
        if (query.words().isEmpty()) {
            return List.of();
        }
        return indexed.stream().map(videos::loadVideo).flatMap(Optional::stream)
                .filter(v -> visibility.restrictedTo().map(u -> v.status() == VideoStatus.VALIDATED || v.owner().equals(u)).orElse(true))
                .filter(v -> filters.owner().map(v.owner()::equals).orElse(true) && v.hashtags().values().containsAll(filters.hashtags().values()))
                .map(v -> new TextMatch(v.id(), rank(query, v))).filter(m -> m.rank() > 0)
                .sorted(Comparator.comparingDouble(TextMatch::rank).reversed().thenComparing(TextMatch::video)).limit(k).toList();
    }

    private static double rank(TextQuery query, Video video) {
        List<String> words = TextQuery.wordsOf(video.title().value() + " " + video.description().value() + " "
                + String.join(" ", video.hashtags().values()));
        if (query.excluded().stream().anyMatch(words::contains)) {
            return 0;
        }
        long found = 0;
        for (int i = 0; i < query.words().size(); i++) {
            String word = query.words().get(i);
            boolean prefix = query.lastIsPrefix() && i == query.words().size() - 1;
            found += words.stream().anyMatch(w -> prefix ? w.startsWith(word) : w.equals(word)) ? 1 : 0;
        }
        // below 1, as the SQL adapter's ranks are
        return 0.99 * found / query.words().size();
    }

    @Override
    public Map<VideoId, Snippet> snippets(TextQuery query, Collection<VideoId> videos) {
        return Map.of();
    }

    @Override
    public Map<VideoId, List<Moment>> matchingHighlights(TextQuery query, Collection<VideoId> videos, int perVideo) {
        return Map.of();
    }
}
