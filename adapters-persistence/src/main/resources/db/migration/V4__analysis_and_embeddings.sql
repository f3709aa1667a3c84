-- What an analyzer understood of a video (Pegasus, or the local analyzer).
CREATE TABLE analysis (
    video_id            uuid PRIMARY KEY REFERENCES video (id) ON DELETE CASCADE,
    analyzer            varchar(64) NOT NULL,
    participation_score double precision CHECK (participation_score BETWEEN 0 AND 1),
    ocr_text            text        NOT NULL,
    summary             text        NOT NULL,
    highlights          jsonb       NOT NULL DEFAULT '[]',
    audio_silent        boolean     NOT NULL,
    speech_likely       boolean     NOT NULL,
    music_likely        boolean     NOT NULL,
    analyzed_at         timestamptz NOT NULL
);

-- Clip and asset embeddings of every model side by side. halfvec halves storage and index size with the
-- same top-10 (docs/adr/0006-vectors-as-halfvec.md). A query only ever compares one model's vectors: every
-- index below is partial on one (model, scope) and casts to that model's dimension.
CREATE TABLE embedding (
    video_id      uuid             NOT NULL REFERENCES video (id) ON DELETE CASCADE,
    model_id      varchar(128)     NOT NULL,
    modality      varchar(16)      NOT NULL CHECK (modality IN ('VISUAL', 'AUDIO', 'TRANSCRIPTION', 'TEXT', 'IMAGE')),
    scope         varchar(8)       NOT NULL CHECK (scope IN ('CLIP', 'ASSET')),
    start_seconds double precision NOT NULL,
    end_seconds   double precision NOT NULL,
    dimension     integer          NOT NULL,
    vector        halfvec          NOT NULL,
    CONSTRAINT embedding_dimension_matches CHECK (vector_dims(vector) = dimension),
    CONSTRAINT embedding_segment_valid CHECK (start_seconds >= 0 AND end_seconds >= start_seconds),
    PRIMARY KEY (video_id, model_id, modality, scope, start_seconds)
);
ALTER TABLE embedding SET (parallel_workers = 2);

CREATE INDEX embedding_marengo3_asset_hnsw ON embedding USING hnsw ((vector::halfvec(512)) halfvec_cosine_ops)
    WHERE model_id = 'twelvelabs.marengo-embed-3-0-v1:0' AND scope = 'ASSET';
CREATE INDEX embedding_marengo3_clip_hnsw ON embedding USING hnsw ((vector::halfvec(512)) halfvec_cosine_ops)
    WHERE model_id = 'twelvelabs.marengo-embed-3-0-v1:0' AND scope = 'CLIP';
CREATE INDEX embedding_marengo27_asset_hnsw ON embedding USING hnsw ((vector::halfvec(1024)) halfvec_cosine_ops)
    WHERE model_id = 'twelvelabs.marengo-embed-2-7-v1:0' AND scope = 'ASSET';
CREATE INDEX embedding_marengo27_clip_hnsw ON embedding USING hnsw ((vector::halfvec(1024)) halfvec_cosine_ops)
    WHERE model_id = 'twelvelabs.marengo-embed-2-7-v1:0' AND scope = 'CLIP';
CREATE INDEX embedding_local_asset_hnsw ON embedding USING hnsw ((vector::halfvec(128)) halfvec_cosine_ops)
    WHERE model_id = 'local-perceptual-v1' AND scope = 'ASSET';
CREATE INDEX embedding_local_clip_hnsw ON embedding USING hnsw ((vector::halfvec(128)) halfvec_cosine_ops)
    WHERE model_id = 'local-perceptual-v1' AND scope = 'CLIP';
