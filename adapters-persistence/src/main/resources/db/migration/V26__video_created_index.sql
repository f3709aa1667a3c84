-- The admin list (every video, newest first, optionally between two dates) reads O(page) rows through this
-- index instead of sorting the whole catalogue; the other listings have theirs (owner, status) since V1.
CREATE INDEX video_created_idx ON video (created_at DESC, id DESC);
