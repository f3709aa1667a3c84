package org.milkmobs.adapters.persistence.search;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.search.TextSearchPort;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.search.Moment;
import org.milkmobs.domain.search.SearchFilters;
import org.milkmobs.domain.search.TextQuery;
import org.milkmobs.domain.search.Snippet;
import org.milkmobs.domain.search.Visibility;
import org.milkmobs.domain.video.VideoId;

/**
 * PostgreSQL full-text search over {@code video_search} (kept current by triggers, see V6 and V30), read for
 * intent by {@link IntentQueries}: a match of the words as typed ranks above a match through a typo's reading.
 */
@Dependent
class TextSearchSqlAdapter implements TextSearchPort {

    /** Control characters mark the matched words in ts_headline's output; they never occur in stored text. */
    private static final String START = "\u0002";
    private static final String STOP = "\u0003";
    private static final String HEADLINE_OPTIONS = "'StartSel=' || chr(2) || ', StopSel=' || chr(3)"
            + " || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"'";

    private final Sql sql;
    private final IntentQueries intents;

    @Inject
    TextSearchSqlAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
        this.intents = new IntentQueries(sql);
    }

    @Override
    public List<TextMatch> search(TextQuery query, Visibility visibility, SearchFilters filters, int k) {
        if (query.isEmpty()) {
            return List.of();
        }
        IntentQueries.Parsed parsed = intents.parse(query);
        SearchConditions conditions = SearchConditions.of(visibility, filters);
        List<Object> parameters = new ArrayList<>();
        parameters.add(parsed.exact());
        parameters.add(parsed.all());
        parameters.addAll(conditions.parameters());
        parameters.add(k);
        // normalisation 32 scales the rank into [0, 1): rank / (rank + 1); a match only through a typo's reading
        // counts half, so the words as typed come first
        return sql.query("""
                SELECT s.video_id, CASE WHEN s.document @@ e THEN ts_rank_cd(s.document, e, 32)
                                        ELSE 0.5 * ts_rank_cd(s.document, q, 32) END AS rank
                FROM video_search s JOIN video v ON v.id = s.video_id,
                     to_tsquery('unaccented_english', ?) e, to_tsquery('unaccented_english', ?) q
                WHERE s.document @@ q%s
                ORDER BY rank DESC, s.video_id
                LIMIT ?
                """.formatted(conditions.sql()), row -> new TextMatch(new VideoId(Sql.uuid(row, "video_id")), row.getDouble("rank")),
                parameters.toArray());
    }

    @Override
    public Map<VideoId, Snippet> snippets(TextQuery query, Collection<VideoId> videos) {
        Map<VideoId, Snippet> snippets = new HashMap<>();
        if (videos.isEmpty() || query.isEmpty()) {
            return snippets;
        }
        sql.query("""
                SELECT video_id, field, ts_headline('unaccented_english', text, q, %s) AS headline FROM (
                    SELECT a.video_id, q,
                           CASE WHEN to_tsvector('unaccented_english', a.summary) @@ q THEN 'summary' ELSE 'ocr' END AS field,
                           CASE WHEN to_tsvector('unaccented_english', a.summary) @@ q THEN a.summary ELSE a.ocr_text END AS text
                    FROM analysis a, to_tsquery('unaccented_english', ?) q
                    WHERE a.video_id = ANY(?)
                      AND (to_tsvector('unaccented_english', a.summary) @@ q OR to_tsvector('unaccented_english', a.ocr_text) @@ q)
                ) matched
                """.formatted(HEADLINE_OPTIONS), row -> snippets.put(new VideoId(Sql.uuid(row, "video_id")),
                Snippet.fromMarked(row.getString("field"), row.getString("headline"), START, STOP)),
                intents.parse(query).all(), VectorSearchSqlAdapter.uuids(videos));
        return snippets;
    }

    @Override
    public Map<VideoId, List<Moment>> matchingHighlights(TextQuery query, Collection<VideoId> videos, int perVideo) {
        Map<VideoId, List<Moment>> moments = new LinkedHashMap<>();
        if (videos.isEmpty() || query.isEmpty()) {
            return moments;
        }
        sql.query("""
                SELECT video_id, start_seconds, end_seconds, rank FROM (
                    SELECT a.video_id, (h ->> 'start')::float8 AS start_seconds, (h ->> 'end')::float8 AS end_seconds,
                           ts_rank_cd(to_tsvector('unaccented_english', h ->> 'description'), q, 32) AS rank,
                           row_number() OVER (PARTITION BY a.video_id
                               ORDER BY ts_rank_cd(to_tsvector('unaccented_english', h ->> 'description'), q, 32) DESC, (h ->> 'start')::float8) AS place
                    FROM analysis a, jsonb_array_elements(a.highlights) h, to_tsquery('unaccented_english', ?) q
                    WHERE a.video_id = ANY(?) AND to_tsvector('unaccented_english', h ->> 'description') @@ q
                ) ranked
                WHERE place <= ?
                ORDER BY video_id, place
                """, row -> moments.computeIfAbsent(new VideoId(Sql.uuid(row, "video_id")), v -> new ArrayList<>())
                .add(new Moment(new Segment(row.getDouble("start_seconds"), row.getDouble("end_seconds")), Modality.TEXT,
                        row.getDouble("rank"))),
                intents.parse(query).all(), VectorSearchSqlAdapter.uuids(videos), perVideo);
        return moments;
    }
}
