-- Budget ceilings, per-window counters and reservations (ADR 0012). A reservation holds its estimate in
-- every window it counts in until it is settled with the actual cost, released, or expired.

-- The ceilings in force: at most one per (scope, period); scope is 'global' or a model id. A NULL limit is
-- a ceiling an admin lifted, kept so that configured defaults do not bring it back.
CREATE TABLE budget_limit (
    scope      text          NOT NULL,
    period     varchar(8)    NOT NULL CHECK (period IN ('HOUR', 'DAY', 'MONTH')),
    limit_usd  numeric(18, 8) CHECK (limit_usd >= 0),
    updated_at timestamptz   NOT NULL,
    PRIMARY KEY (scope, period)
);

-- Money spent and held per window, for every scope a call counts in (ceiling or not, so a ceiling set
-- mid-window knows what the window already spent).
CREATE TABLE budget_counter (
    scope        text           NOT NULL,
    period       varchar(8)     NOT NULL CHECK (period IN ('HOUR', 'DAY', 'MONTH')),
    window_start timestamptz    NOT NULL,
    spent_usd    numeric(18, 8) NOT NULL DEFAULT 0 CHECK (spent_usd >= 0),
    reserved_usd numeric(18, 8) NOT NULL DEFAULT 0 CHECK (reserved_usd >= 0),
    PRIMARY KEY (scope, period, window_start)
);
CREATE INDEX budget_counter_window_idx ON budget_counter (window_start);

-- Reservations still held. A settled, released or expired reservation is deleted.
CREATE TABLE budget_reservation (
    id           uuid           PRIMARY KEY,
    model_id     text           NOT NULL,
    operation    text           NOT NULL,
    estimate_usd numeric(18, 8) NOT NULL CHECK (estimate_usd >= 0),
    reserved_at  timestamptz    NOT NULL,
    expires_at   timestamptz    NOT NULL,
    video_id     uuid,
    query_ref    text,
    over_ceiling boolean        NOT NULL
);
CREATE INDEX budget_reservation_expiry_idx ON budget_reservation (expires_at);

CREATE TABLE budget_reservation_window (
    reservation_id uuid        NOT NULL REFERENCES budget_reservation (id) ON DELETE CASCADE,
    scope          text        NOT NULL,
    period         varchar(8)  NOT NULL,
    window_start   timestamptz NOT NULL,
    PRIMARY KEY (reservation_id, scope, period, window_start)
);

-- Every change of a ceiling: who, why, from what to what.
CREATE TABLE budget_change (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    changed_at timestamptz    NOT NULL,
    actor      text           NOT NULL,
    reason     text           NOT NULL,
    scope      text           NOT NULL,
    period     varchar(8)     NOT NULL,
    before_usd numeric(18, 8),
    after_usd  numeric(18, 8)
);

-- What the budget reserved for the call (NULL for attempts that failed before settling).
ALTER TABLE model_usage ADD COLUMN estimate_usd numeric(18, 8);
CREATE INDEX model_usage_request_token_idx ON model_usage (request_token) WHERE request_token IS NOT NULL;
