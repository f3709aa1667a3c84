-- The pipeline's job table (replaces Step Functions + SQS). See docs/adr/0005-job-table.md.

CREATE TABLE workflow (
    video_id    uuid PRIMARY KEY REFERENCES video (id) ON DELETE CASCADE,
    status      varchar(16) NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    run         integer     NOT NULL DEFAULT 1,
    reason      text,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    CONSTRAINT workflow_finished_when_not_running CHECK ((status = 'RUNNING') = (finished_at IS NULL))
);
CREATE INDEX workflow_finished_idx ON workflow (finished_at) WHERE status <> 'RUNNING';

-- attempt grows with every claim and fences every later write; a snooze raises max_attempts too, so it
-- costs no attempt (attempts used = attempt - snoozes).
CREATE TABLE job (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    video_id         uuid        NOT NULL REFERENCES workflow (video_id) ON DELETE CASCADE,
    step             varchar(32) NOT NULL,
    state            varchar(16) NOT NULL CHECK (state IN ('AVAILABLE', 'RUNNING', 'COMPLETED', 'DEAD', 'CANCELLED')),
    attempt          integer     NOT NULL DEFAULT 0,
    max_attempts     integer     NOT NULL CHECK (max_attempts >= 1),
    snoozes          integer     NOT NULL DEFAULT 0,
    run_at           timestamptz NOT NULL,
    lease_owner      text,
    lease_expires_at timestamptz,
    last_error       text,
    data             jsonb       NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    finished_at      timestamptz,
    CONSTRAINT job_one_per_step UNIQUE (video_id, step),
    CONSTRAINT job_lease_iff_running CHECK ((state = 'RUNNING') = (lease_expires_at IS NOT NULL))
) WITH (fillfactor = 80, autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);

-- What claims scan: only waiting rows, in due order.
CREATE INDEX job_available_idx ON job (step, run_at, id) WHERE state = 'AVAILABLE';
-- What the rescuer scans.
CREATE INDEX job_running_lease_idx ON job (lease_expires_at) WHERE state = 'RUNNING';
-- Admin listings by state and step, newest first.
CREATE INDEX job_state_step_idx ON job (state, step, id DESC);

-- Append-only history. seq orders events globally; the API numbers them 1..n per workflow (Step Functions'
-- id / previousEventId), so appending never locks the workflow row.
CREATE TABLE workflow_event (
    seq      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    video_id uuid        NOT NULL REFERENCES workflow (video_id) ON DELETE CASCADE,
    at       timestamptz NOT NULL,
    type     varchar(32) NOT NULL,
    step     varchar(32),
    attempt  integer,
    details  jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX workflow_event_video_idx ON workflow_event (video_id, seq);

CREATE TABLE paused_step (
    step      varchar(32) PRIMARY KEY,
    paused_at timestamptz NOT NULL
);
