-- A video's picture fingerprint (ADR 0030): the local analyzer's mean luma per second on a width x height grid, one
-- byte per cell, frames one after the other. The near-duplicate rule compares two videos' frames in order.
CREATE TABLE video_fingerprint (
    video_id uuid     PRIMARY KEY REFERENCES video (id) ON DELETE CASCADE,
    width    smallint NOT NULL CHECK (width > 0),
    height   smallint NOT NULL CHECK (height > 0),
    cells    bytea    NOT NULL,
    CHECK (length(cells) % (width * height) = 0)
);
