-- Embeddings of files uploaded through the gateway (POST /v1/embeddings/video, ADR 0017, amended by gwvideo).
-- One job per key and content while it runs or once it is done (the id is derived from key, model, content and the
-- number of that key's earlier failed jobs, so an identical concurrent upload is the same row and the same invocation).
-- state: the embedder's (Marengo's invocation ARN) while it runs; segments + vectors once done: the segments as JSON,
-- the vectors as their float32 little-endian bytes, one after the other, each of `dimension` floats.
CREATE TABLE gateway_video_job (
    id             text             PRIMARY KEY,
    api_key_id     text             NOT NULL REFERENCES api_key (id),
    model          text             NOT NULL,
    content_sha256 text             NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
    kind           text             NOT NULL CHECK (kind IN ('VIDEO', 'AUDIO')),
    media_seconds  double precision NOT NULL CHECK (media_seconds > 0),
    size_bytes     bigint           NOT NULL CHECK (size_bytes > 0),
    status         text             NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    state          jsonb            NOT NULL DEFAULT '{}',
    segments       jsonb,
    dimension      integer,
    vectors        bytea,
    failure        text,
    created_at     timestamptz      NOT NULL,
    updated_at     timestamptz      NOT NULL,
    CHECK (status <> 'DONE' OR (segments IS NOT NULL AND vectors IS NOT NULL AND dimension IS NOT NULL))
);

-- a key's jobs of a content, and any key's usable job of a content
CREATE INDEX gateway_video_job_by_key ON gateway_video_job (api_key_id, model, content_sha256);
CREATE INDEX gateway_video_job_by_content ON gateway_video_job (model, content_sha256) WHERE status <> 'FAILED';
