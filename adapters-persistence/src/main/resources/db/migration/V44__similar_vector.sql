-- One vector per video and model for similar videos (ADR 0036): its unit visual asset vector, then its unit audio asset
-- vector (zeros where it has none). The inner product of one with the source's, each half scaled by the request's weight of
-- its modality, orders the candidates exactly as the weighted score does, so one index scan finds what a k-NN per modality
-- found. No weight is stored: any weights of these two modalities use it. Kept current by triggers on the asset vectors, so
-- no writer (the pipeline, a duplicate's copy, a bulk COPY) can forget it.
CREATE TABLE similar_vector (
    video_id  uuid         NOT NULL REFERENCES video (id) ON DELETE CASCADE,
    model_id  varchar(128) NOT NULL,
    dimension integer      NOT NULL,
    has_audio boolean      NOT NULL,
    vector    halfvec      NOT NULL,
    CONSTRAINT similar_vector_two_halves CHECK (vector_dims(vector) = 2 * dimension),
    PRIMARY KEY (video_id, model_id)
);

-- Inner product, not cosine: a video without audio has half the length of one with it, and counts its missing audio as
-- unrelated (cosine 0) as the weighted score does.
CREATE INDEX similar_vector_marengo3_hnsw ON similar_vector USING hnsw ((vector::halfvec(1024)) halfvec_ip_ops)
    WHERE model_id = 'twelvelabs.marengo-embed-3-0-v1:0';
CREATE INDEX similar_vector_marengo27_hnsw ON similar_vector USING hnsw ((vector::halfvec(2048)) halfvec_ip_ops)
    WHERE model_id = 'twelvelabs.marengo-embed-2-7-v1:0';
CREATE INDEX similar_vector_local_hnsw ON similar_vector USING hnsw ((vector::halfvec(256)) halfvec_ip_ops)
    WHERE model_id = 'local-perceptual-v1';

-- The videos' vectors made anew from their asset vectors: a video without a visual one has none (it is no candidate). Where a
-- modality has several asset vectors, the latest, as the similar-videos source reads its own. The videos are joined, not
-- matched with = ANY, so that a bulk load's hundred thousand cost a join and not a scan of the array per row.
CREATE FUNCTION refresh_similar_vectors(p_videos uuid[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM similar_vector s USING unnest(p_videos) AS changed (video_id) WHERE s.video_id = changed.video_id;
    INSERT INTO similar_vector (video_id, model_id, dimension, has_audio, vector)
    SELECT v.video_id, v.model_id, v.dimension, a.vector IS NOT NULL,
           l2_normalize(v.vector) || coalesce(l2_normalize(a.vector), array_fill(0, ARRAY[v.dimension])::halfvec)
    FROM (SELECT DISTINCT ON (e.video_id, e.model_id) e.video_id, e.model_id, e.dimension, e.vector
          FROM embedding e JOIN unnest(p_videos) AS changed (video_id) ON e.video_id = changed.video_id
          WHERE e.modality = 'VISUAL' AND e.scope = 'ASSET'
          ORDER BY e.video_id, e.model_id, e.start_seconds DESC) v
    LEFT JOIN LATERAL (SELECT e.vector FROM embedding e
                       WHERE e.video_id = v.video_id AND e.model_id = v.model_id AND e.dimension = v.dimension
                         AND e.modality = 'AUDIO' AND e.scope = 'ASSET'
                       ORDER BY e.start_seconds DESC LIMIT 1) a ON true
$$;

-- Per statement, over the rows it changed: a bulk COPY refreshes its videos once, and a statement of clips alone costs nothing.
CREATE FUNCTION similar_vector_after_embedding_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed uuid[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := ARRAY(SELECT DISTINCT video_id FROM gone WHERE scope = 'ASSET');
    ELSE
        changed := ARRAY(SELECT DISTINCT video_id FROM added WHERE scope = 'ASSET');
    END IF;
    IF cardinality(changed) > 0 THEN
        PERFORM refresh_similar_vectors(changed);
    END IF;
    RETURN NULL;
END
$$;

-- A transition table serves one event per trigger. An update's new rows say which videos changed: nothing moves a vector
-- from one video to another.
CREATE TRIGGER similar_vector_on_embedding_insert AFTER INSERT ON embedding REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION similar_vector_after_embedding_change();
CREATE TRIGGER similar_vector_on_embedding_update AFTER UPDATE ON embedding REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION similar_vector_after_embedding_change();
CREATE TRIGGER similar_vector_on_embedding_delete AFTER DELETE ON embedding REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION similar_vector_after_embedding_change();

-- Videos analysed before this migration.
SELECT refresh_similar_vectors(ARRAY(SELECT DISTINCT video_id FROM embedding WHERE scope = 'ASSET'));
