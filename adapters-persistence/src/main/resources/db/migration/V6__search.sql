-- Full-text search over what is written about and in a video. The document is kept current by triggers
-- on both sources, so no code path can forget it: title and hashtags weigh most (A), the description
-- next (B), what the analyzer read or understood (OCR text, summary) least (C).
CREATE TABLE video_search (
    video_id uuid PRIMARY KEY REFERENCES video (id) ON DELETE CASCADE,
    document tsvector NOT NULL
);
CREATE INDEX video_search_document_idx ON video_search USING gin (document);

CREATE FUNCTION refresh_video_search(p_video uuid) RETURNS void LANGUAGE sql AS $$
    INSERT INTO video_search (video_id, document)
    SELECT v.id,
           setweight(to_tsvector('english', v.title), 'A')
           || setweight(to_tsvector('english', array_to_string(v.hashtags, ' ')), 'A')
           || setweight(to_tsvector('english', v.description), 'B')
           || setweight(to_tsvector('english', coalesce(a.ocr_text, '')), 'C')
           || setweight(to_tsvector('english', coalesce(a.summary, '')), 'C')
    FROM video v LEFT JOIN analysis a ON a.video_id = v.id
    WHERE v.id = p_video
    ON CONFLICT (video_id) DO UPDATE SET document = EXCLUDED.document
$$;

CREATE FUNCTION video_search_after_video_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_video_search(NEW.id);
    RETURN NULL;
END
$$;

CREATE FUNCTION video_search_after_analysis_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM refresh_video_search(OLD.video_id);
    ELSE
        PERFORM refresh_video_search(NEW.video_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER video_search_on_video_insert AFTER INSERT ON video
    FOR EACH ROW EXECUTE FUNCTION video_search_after_video_change();
-- Hibernate writes every column on update; only a change of the searchable text refreshes the document.
CREATE TRIGGER video_search_on_video_update AFTER UPDATE ON video
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.description IS DISTINCT FROM NEW.description
                       OR OLD.hashtags IS DISTINCT FROM NEW.hashtags)
    EXECUTE FUNCTION video_search_after_video_change();
CREATE TRIGGER video_search_on_analysis AFTER INSERT OR UPDATE OR DELETE ON analysis
    FOR EACH ROW EXECUTE FUNCTION video_search_after_analysis_change();

-- Videos stored before this migration.
SELECT refresh_video_search(id) FROM video;

-- Query vectors already paid for (Bedrock), by model, kind and the SHA-256 of the normalised text or the
-- bytes. An audio query Bedrock is still embedding waits here as a pending handle.
CREATE TABLE query_embedding (
    model_id       varchar(128) NOT NULL,
    kind           varchar(8)   NOT NULL CHECK (kind IN ('TEXT', 'IMAGE', 'AUDIO')),
    key_sha256     char(64)     NOT NULL,
    vector         halfvec,
    pending_handle text,
    created_at     timestamptz  NOT NULL,
    PRIMARY KEY (model_id, kind, key_sha256),
    CONSTRAINT query_embedding_vector_or_pending CHECK ((vector IS NULL) <> (pending_handle IS NULL))
);
CREATE INDEX query_embedding_created_idx ON query_embedding (created_at);
