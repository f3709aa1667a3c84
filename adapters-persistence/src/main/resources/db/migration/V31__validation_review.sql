-- A video whose analysis cannot establish participation may wait for a person (ADR 0009, review queue).
ALTER TABLE video DROP CONSTRAINT video_status_check;
ALTER TABLE video ADD CONSTRAINT video_status_check
    CHECK (status IN ('SUBMITTED', 'UPLOADED', 'PROCESSING', 'DEFERRED', 'ANALYZED', 'IN_REVIEW', 'VALIDATED', 'REJECTED', 'FAILED'));

-- A decision's outcome: accepted, rejected, or left to review. accepted stays (= outcome ACCEPTED) for readers of
-- the history written before.
ALTER TABLE validation_decision ADD COLUMN outcome varchar(8);
UPDATE validation_decision SET outcome = CASE WHEN accepted THEN 'ACCEPTED' ELSE 'REJECTED' END;
ALTER TABLE validation_decision ALTER COLUMN outcome SET NOT NULL,
    ADD CONSTRAINT validation_decision_outcome_check CHECK (outcome IN ('ACCEPTED', 'REJECTED', 'REVIEW')),
    ADD CONSTRAINT validation_decision_accepted_is_outcome CHECK (accepted = (outcome = 'ACCEPTED')),
    ADD CONSTRAINT override_decides CHECK (kind = 'AUTOMATIC' OR outcome <> 'REVIEW');

-- The review queue reads the oldest videos in review first.
CREATE INDEX video_in_review_idx ON video (created_at, id) WHERE status = 'IN_REVIEW';
