-- Events out (ADR 0016). The outbox row stays the single source: the relay publishes it by giving it `seq`,
-- its place in the one stream every instance reads (SSE resumes by it, webhook deliveries are made from it).
-- seq is assigned by one relay at a time (an advisory lock), in commit order, so a reader that has seen seq n
-- never later finds a smaller one appear: Last-Event-ID resumes without loss.
ALTER TABLE outbox_event
    ADD COLUMN event_id uuid NOT NULL DEFAULT gen_random_uuid(),
    ADD COLUMN seq      bigint,
    ADD COLUMN video_id uuid,
    ADD COLUMN owner_id varchar(200);

UPDATE outbox_event SET type = 'video.analyzed' WHERE type = 'VideoAnalyzed';
UPDATE outbox_event SET video_id = (payload ->> 'videoId')::uuid, owner_id = payload ->> 'ownerId' WHERE payload ? 'videoId';
UPDATE outbox_event o SET seq = n.seq
FROM (SELECT id, row_number() OVER (ORDER BY id) AS seq FROM outbox_event WHERE delivered_at IS NOT NULL) n WHERE o.id = n.id;

CREATE UNIQUE INDEX outbox_event_seq_idx ON outbox_event (seq);
CREATE UNIQUE INDEX outbox_event_event_id_idx ON outbox_event (event_id);
CREATE INDEX outbox_event_video_seq_idx ON outbox_event (video_id, seq) WHERE seq IS NOT NULL;
CREATE INDEX outbox_event_owner_seq_idx ON outbox_event (owner_id, seq) WHERE seq IS NOT NULL;
CREATE INDEX outbox_event_created_idx ON outbox_event (created_at) WHERE seq IS NOT NULL;
DROP INDEX outbox_event_undelivered_idx;
CREATE INDEX outbox_event_unpublished_idx ON outbox_event (id) WHERE seq IS NULL;

-- Wake-ups, sent by PostgreSQL at commit (and collapsed within one transaction): a new outbox row wakes the
-- relays, a publication wakes the event streams of every instance. Polling is the fallback.
CREATE FUNCTION outbox_event_appended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('milkmobs_outbox', '');
    RETURN NULL;
END $$;
CREATE TRIGGER outbox_event_appended AFTER INSERT ON outbox_event FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_appended();

CREATE FUNCTION outbox_event_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('milkmobs_events', '');
    RETURN NULL;
END $$;
CREATE TRIGGER outbox_event_published AFTER UPDATE OF seq ON outbox_event FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_published();

-- Webhook subscriptions. The secret is kept to sign with (HMAC needs it); the previous one stays valid (is
-- also signed with) until previous_secret_until, after a rotation.
CREATE TABLE webhook_subscription (
    id                    uuid PRIMARY KEY,
    url                   text         NOT NULL,
    event_types           text[]       NOT NULL DEFAULT '{}',
    active                boolean      NOT NULL,
    description           varchar(200),
    secret                text         NOT NULL,
    previous_secret       text,
    previous_secret_until timestamptz,
    created_by            varchar(200) NOT NULL,
    created_at            timestamptz  NOT NULL,
    updated_at            timestamptz  NOT NULL
);

-- One delivery of one event to one subscription, run like a job of the job table (ADR 0005: SKIP LOCKED
-- claims, a lease, attempt-fenced writes, backoff with full jitter, DEAD at max_attempts) but in a table of
-- its own, because the job table's rows belong to a video's workflow (ADR 0016).
CREATE TABLE webhook_delivery (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id  uuid         NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_seq        bigint       NOT NULL,
    event_id         uuid         NOT NULL,
    event_type       varchar(64)  NOT NULL,
    video_id         uuid,
    state            varchar(16)  NOT NULL CHECK (state IN ('AVAILABLE', 'RUNNING', 'SUCCEEDED', 'DEAD')),
    attempt          integer      NOT NULL DEFAULT 0,
    max_attempts     integer      NOT NULL CHECK (max_attempts >= 1),
    run_at           timestamptz  NOT NULL,
    lease_owner      text,
    lease_expires_at timestamptz,
    last_status      integer,
    last_error       text,
    last_latency_ms  integer,
    replay_of        bigint,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    finished_at      timestamptz,
    CONSTRAINT webhook_delivery_lease_iff_running CHECK ((state = 'RUNNING') = (lease_expires_at IS NOT NULL))
);
CREATE INDEX webhook_delivery_available_idx ON webhook_delivery (run_at, id) WHERE state = 'AVAILABLE';
CREATE INDEX webhook_delivery_running_idx ON webhook_delivery (lease_expires_at) WHERE state = 'RUNNING';
-- a video's events go to one subscription in order: a delivery waits while an earlier one is unfinished
CREATE INDEX webhook_delivery_unfinished_idx ON webhook_delivery (subscription_id, video_id, event_seq)
    WHERE state IN ('AVAILABLE', 'RUNNING');
CREATE INDEX webhook_delivery_log_idx ON webhook_delivery (subscription_id, id DESC);

-- Every attempt, for the delivery log.
CREATE TABLE webhook_attempt (
    delivery_id bigint      NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt     integer     NOT NULL,
    at          timestamptz NOT NULL,
    status_code integer,
    latency_ms  integer     NOT NULL,
    error       text,
    PRIMARY KEY (delivery_id, attempt)
);
CREATE INDEX webhook_attempt_at_idx ON webhook_attempt (at);
