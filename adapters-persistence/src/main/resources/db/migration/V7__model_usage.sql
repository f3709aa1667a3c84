-- One row per invocation of a paid model (Bedrock), successful or not: the budget and the admin
-- usage statistics are built on it. Rows are only ever inserted.
CREATE TABLE model_usage (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            timestamptz      NOT NULL,
    model_id      text             NOT NULL,
    operation     text             NOT NULL CHECK (operation IN ('EMBED_TEXT', 'EMBED_IMAGE', 'EMBED_VIDEO', 'EMBED_AUDIO', 'ANALYZE_VIDEO')),
    media_seconds double precision NOT NULL DEFAULT 0 CHECK (media_seconds >= 0),
    input_tokens  double precision NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
    images        double precision NOT NULL DEFAULT 0 CHECK (images >= 0),
    output_tokens bigint           NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
    latency_ms    bigint           NOT NULL CHECK (latency_ms >= 0),
    cost_usd      numeric(18, 8)   NOT NULL CHECK (cost_usd >= 0),
    error_code    text,
    video_id      uuid,
    query_ref     text,
    request_token text
);

CREATE INDEX model_usage_at ON model_usage (at);
CREATE INDEX model_usage_video ON model_usage (video_id) WHERE video_id IS NOT NULL;
