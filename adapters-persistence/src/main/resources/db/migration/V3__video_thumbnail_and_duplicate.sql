ALTER TABLE video
    ADD COLUMN has_thumbnail boolean NOT NULL DEFAULT false,
    -- no foreign key: the original may be deleted later, and the copy keeps its reused results
    ADD COLUMN duplicate_of  uuid;
