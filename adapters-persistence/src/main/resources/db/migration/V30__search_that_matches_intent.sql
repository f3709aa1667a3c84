-- Full-text search that matches what people mean (ADR 0021). All three extensions ship in PostgreSQL's contrib
-- (Debian's postgresql-15 package) and are trusted, so a database owner without superuser may create them.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- English stemming of unaccented words: "café" and "cafe" are one lexeme.
CREATE TEXT SEARCH CONFIGURATION unaccented_english (COPY = english);
ALTER TEXT SEARCH CONFIGURATION unaccented_english
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

-- Lower-cased, unaccented words of a text in order; anything but a letter or digit separates them (as in the
-- query's reading, TextQuery).
CREATE FUNCTION search_words(p_text text) RETURNS text[] LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(w ORDER BY n), '{}')
    FROM regexp_split_to_table(lower(unaccent(coalesce(p_text, ''))), '[^[:alnum:]]+') WITH ORDINALITY AS t(w, n)
    WHERE w <> '' AND length(w) <= 64
$$;

-- A text's words, then each pair of neighbours written together: "milk mob" is also indexed as "milkmob",
-- the way a hashtag writes it.
CREATE FUNCTION search_text(p_text text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT array_to_string(w || coalesce((SELECT array_agg(w[i] || w[i + 1] ORDER BY i)
                                          FROM generate_subscripts(w, 1) i WHERE i < cardinality(w)), '{}'), ' ')
    FROM (SELECT search_words(p_text) AS w) words
$$;

-- The lexicon: every word and neighbour pair any video holds, for the typo tolerance of the query (trigram
-- shortlist, then edit distance). C collation so a prefix (LIKE 'milkm%') reads the primary key's range.
-- A term is never removed: one that no document holds any more matches nothing and costs a row.
CREATE TABLE search_term (
    term text COLLATE "C" PRIMARY KEY
);
CREATE INDEX search_term_trigram_idx ON search_term USING gin (term gin_trgm_ops);

CREATE OR REPLACE FUNCTION refresh_video_search(p_video uuid) RETURNS void LANGUAGE sql AS $$
    INSERT INTO video_search (video_id, document)
    SELECT v.id,
           setweight(to_tsvector('unaccented_english', search_text(v.title)), 'A')
           || setweight(to_tsvector('unaccented_english', array_to_string(v.hashtags, ' ')), 'A')
           || setweight(to_tsvector('unaccented_english', search_text(v.description)), 'B')
           || setweight(to_tsvector('unaccented_english', search_text(a.ocr_text)), 'C')
           || setweight(to_tsvector('unaccented_english', search_text(a.summary)), 'C')
    FROM video v LEFT JOIN analysis a ON a.video_id = v.id
    WHERE v.id = p_video
    ON CONFLICT (video_id) DO UPDATE SET document = EXCLUDED.document;
    -- In sorted order, so two transactions adding overlapping terms wait on each other in one order (no deadlock).
    INSERT INTO search_term (term)
    SELECT DISTINCT t
    FROM video v LEFT JOIN analysis a ON a.video_id = v.id,
         unnest(string_to_array(search_text(v.title) || ' ' || array_to_string(search_words(array_to_string(v.hashtags, ' ')), ' ') || ' '
                                || search_text(v.description) || ' ' || search_text(a.ocr_text) || ' '
                                || search_text(a.summary), ' ')) AS t
    WHERE v.id = p_video AND length(t) BETWEEN 3 AND 64
    ORDER BY t
    ON CONFLICT (term) DO NOTHING;
$$;

-- Videos stored before this migration.
SELECT refresh_video_search(id) FROM video;
