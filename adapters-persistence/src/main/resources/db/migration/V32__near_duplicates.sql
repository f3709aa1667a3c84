-- Near-duplicate pairs (issue 21 #4, ADR 0026): found when a video's results are written, by comparing its clip sequence
-- with its nearest videos'. The original is the earlier video (time-ordered ids); position orders the admin's list.
CREATE TABLE near_duplicate (
    position       bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    copy_id        uuid             NOT NULL REFERENCES video (id) ON DELETE CASCADE,
    original_id    uuid             NOT NULL REFERENCES video (id) ON DELETE CASCADE,
    share          double precision NOT NULL CHECK (share > 0 AND share <= 1),
    duration_ratio double precision NOT NULL CHECK (duration_ratio > 0 AND duration_ratio <= 1),
    detected_at    timestamptz      NOT NULL,
    UNIQUE (copy_id, original_id),
    CHECK (copy_id > original_id)
);

CREATE INDEX near_duplicate_original ON near_duplicate (original_id);
