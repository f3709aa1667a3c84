-- Keys of the OpenAI-compatible gateway (ADR 0017). The secret is never stored: only its SHA-256
-- (the secret is 32 random bytes, so a fast hash is safe and keeps the per-request lookup one index read).
CREATE TABLE api_key (
    id           text        PRIMARY KEY,
    name         text        NOT NULL,
    prefix       text        NOT NULL,
    secret_hash  text        NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

-- Which key a paid call was made for (NULL: the pipeline or the /api search). Its budget scope is 'key:<id>'.
ALTER TABLE model_usage ADD COLUMN api_key_id text;
CREATE INDEX model_usage_api_key ON model_usage (api_key_id, at) WHERE api_key_id IS NOT NULL;
