-- Alerts as events (ADR 0016).

-- A budget threshold (50, 80, 100 % of a ceiling) is announced once per window: the reservation (or settlement)
-- that reaches it inserts this row in its own transaction, ON CONFLICT DO NOTHING, and only the inserter appends
-- the budget.threshold event. Concurrent spenders serialise on the counter rows anyway; the key makes "once" hold.
CREATE TABLE budget_threshold_reached (
    scope        text        NOT NULL,
    period       varchar(8)  NOT NULL,
    window_start timestamptz NOT NULL,
    percent      smallint    NOT NULL CHECK (percent IN (50, 80, 100)),
    reached_at   timestamptz NOT NULL,
    PRIMARY KEY (scope, period, window_start, percent)
);

-- A step whose oldest waiting job is older than events.stall-after is stalled: announced once (this row is
-- inserted), and again only after it recovered (the row is deleted when the step is healthy).
CREATE TABLE pipeline_stall (
    step     varchar(32) PRIMARY KEY,
    since    timestamptz NOT NULL
);
