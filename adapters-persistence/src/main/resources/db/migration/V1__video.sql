-- pgvector is created first so that every later migration may use vector columns.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE video (
    id               uuid PRIMARY KEY,
    owner_id         varchar(128) NOT NULL,
    title            text         NOT NULL,
    description      text         NOT NULL,
    hashtags         text[]       NOT NULL,
    status           varchar(16)  NOT NULL
        CHECK (status IN ('SUBMITTED', 'UPLOADED', 'PROCESSING', 'DEFERRED', 'ANALYZED', 'VALIDATED', 'REJECTED', 'FAILED')),
    failure_code     varchar(32),
    failure_detail   text,
    container        text,
    video_codec      text,
    audio_codec      text,
    duration_seconds double precision,
    width            integer,
    height           integer,
    size_bytes       bigint,
    content_sha256   char(64),
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    version          bigint       NOT NULL,
    CONSTRAINT video_failure_iff_failed CHECK ((status = 'FAILED') = (failure_code IS NOT NULL)),
    CONSTRAINT video_media_complete CHECK (
        (container IS NULL) = (content_sha256 IS NULL) AND (container IS NULL) = (duration_seconds IS NULL))
);

-- "a user's videos, newest first" and "videos by status, newest first" are the common reads.
CREATE INDEX video_owner_created_idx ON video (owner_id, created_at DESC, id DESC);
CREATE INDEX video_status_created_idx ON video (status, created_at DESC, id DESC);
CREATE INDEX video_content_sha256_idx ON video (content_sha256) WHERE content_sha256 IS NOT NULL;
