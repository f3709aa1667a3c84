-- Every validation decision, append-only; the newest is in force.
CREATE TABLE validation_decision (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    video_id     uuid             NOT NULL REFERENCES video (id) ON DELETE CASCADE,
    accepted     boolean          NOT NULL,
    score        double precision NOT NULL,
    threshold    double precision NOT NULL,
    breakdown    jsonb            NOT NULL,
    kind         varchar(16)      NOT NULL CHECK (kind IN ('AUTOMATIC', 'OVERRIDE')),
    decided_by   varchar(128),
    reason       text,
    decided_at   timestamptz      NOT NULL,
    CONSTRAINT override_has_author CHECK (kind = 'AUTOMATIC' OR (decided_by IS NOT NULL AND reason IS NOT NULL))
);
CREATE INDEX validation_decision_video_idx ON validation_decision (video_id, seq);

-- The campaign in force (one row) and every change to it.
CREATE TABLE campaign (
    id               integer PRIMARY KEY CHECK (id = 1),
    name             text             NOT NULL,
    description      text             NOT NULL,
    hashtags         text[]           NOT NULL,
    keywords         text[]           NOT NULL,
    weights          jsonb            NOT NULL,
    threshold        double precision NOT NULL,
    visual_unrelated double precision NOT NULL,
    visual_same      double precision NOT NULL,
    updated_at       timestamptz      NOT NULL,
    updated_by       varchar(128)     NOT NULL
);
CREATE TABLE campaign_change (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    changed_at timestamptz  NOT NULL,
    changed_by varchar(128) NOT NULL,
    settings   jsonb        NOT NULL
);
CREATE TABLE campaign_reference (
    source    varchar(200) NOT NULL,
    model_id  varchar(128) NOT NULL,
    modality  varchar(16)  NOT NULL,
    dimension integer      NOT NULL,
    vector    halfvec      NOT NULL,
    PRIMARY KEY (source, model_id, modality)
);

-- Mobs of one vector space. centroid_sum is the sum of the members' unit vectors (full precision, since
-- it is updated in place): adding or removing a member is one atomic UPDATE, the centroid its direction.
CREATE TABLE mob (
    id           uuid PRIMARY KEY,
    space        varchar(300) NOT NULL,
    centroid_sum vector       NOT NULL,
    size         integer      NOT NULL CHECK (size >= 0),
    label        text         NOT NULL DEFAULT '',
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL
);
CREATE INDEX mob_space_idx ON mob (space);

CREATE TABLE mob_member (
    video_id    uuid PRIMARY KEY REFERENCES video (id) ON DELETE CASCADE,
    mob_id      uuid             NOT NULL REFERENCES mob (id) ON DELETE CASCADE,
    vector      vector           NOT NULL,
    similarity  double precision NOT NULL,
    assigned_at timestamptz      NOT NULL
);
CREATE INDEX mob_member_mob_idx ON mob_member (mob_id, assigned_at DESC, video_id DESC);

-- Membership history (no foreign keys: it outlives deleted videos and dissolved mobs).
CREATE TABLE mob_membership_change (
    seq      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    video_id uuid        NOT NULL,
    from_mob uuid,
    to_mob   uuid,
    reason   varchar(32) NOT NULL,
    at       timestamptz NOT NULL
);
CREATE INDEX mob_membership_change_video_idx ON mob_membership_change (video_id, seq);

CREATE TABLE recluster_run (
    id          uuid PRIMARY KEY,
    status      varchar(16) NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    trigger     varchar(32) NOT NULL,
    phase       text        NOT NULL,
    progress    double precision NOT NULL,
    started_at  timestamptz NOT NULL,
    heartbeat_at timestamptz NOT NULL,
    finished_at timestamptz,
    k           integer,
    inertia     double precision,
    videos      integer,
    moved       integer,
    error       text
);
-- at most one run at a time, across every instance
CREATE UNIQUE INDEX recluster_run_one_running ON recluster_run ((true)) WHERE status = 'RUNNING';
CREATE INDEX recluster_run_started_idx ON recluster_run (started_at DESC);

-- Files waiting to be deleted; retried until the store confirms.
CREATE TABLE blob_deletion (
    blob_key    varchar(512) PRIMARY KEY,
    due_at      timestamptz  NOT NULL,
    attempts    integer      NOT NULL DEFAULT 0,
    last_error  text,
    created_at  timestamptz  NOT NULL
);
CREATE INDEX blob_deletion_due_idx ON blob_deletion (due_at);

CREATE TABLE idempotency_key (
    owner_id    varchar(128) NOT NULL,
    key         varchar(255) NOT NULL,
    video_id    uuid         NOT NULL,
    fingerprint char(64)     NOT NULL,
    created_at  timestamptz  NOT NULL,
    PRIMARY KEY (owner_id, key)
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);

-- Domain events written with the change they announce, delivered by a relay.
CREATE TABLE outbox_event (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type         varchar(64)  NOT NULL,
    subject      varchar(200) NOT NULL,
    payload      jsonb        NOT NULL,
    created_at   timestamptz  NOT NULL,
    delivered_at timestamptz
);
CREATE INDEX outbox_event_undelivered_idx ON outbox_event (id) WHERE delivered_at IS NULL;

-- Listings and the feed read validated videos newest first.
CREATE INDEX video_validated_created_idx ON video (created_at DESC, id DESC) WHERE status = 'VALIDATED';
