-- The feed's order, stored at write time so that a page reads O(page) rows whatever the catalogue's size
-- (ADR 0018). Each mob numbers its members as they join (mob.member_seq is the counter, taken under the mob's
-- row lock, so concurrent joins never share a number); a member's feed round is its distance from the mob's
-- newest number divided by feed.per-mob-per-round. Re-clustering renumbers a space's members by creation.
ALTER TABLE mob ADD COLUMN member_seq bigint NOT NULL DEFAULT 0;
ALTER TABLE mob_member ADD COLUMN feed_seq bigint;

UPDATE mob_member mm SET feed_seq = numbered.seq
FROM (SELECT mm.video_id, row_number() OVER (PARTITION BY mm.mob_id ORDER BY v.created_at, v.id) AS seq
      FROM mob_member mm JOIN video v ON v.id = mm.video_id) numbered
WHERE numbered.video_id = mm.video_id;
UPDATE mob m SET member_seq = coalesce((SELECT max(mm.feed_seq) FROM mob_member mm WHERE mm.mob_id = m.id), 0);
ALTER TABLE mob_member ALTER COLUMN feed_seq SET NOT NULL;

CREATE FUNCTION mob_member_take_feed_seq() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE mob SET member_seq = member_seq + 1 WHERE id = NEW.mob_id RETURNING member_seq INTO NEW.feed_seq;
    RETURN NEW;
END $$;
CREATE TRIGGER mob_member_feed_seq BEFORE INSERT OR UPDATE OF mob_id ON mob_member
    FOR EACH ROW EXECUTE FUNCTION mob_member_take_feed_seq();
CREATE INDEX mob_member_feed_idx ON mob_member (mob_id, feed_seq DESC);

-- Validated videos in no mob yet (not clustered, or no vector to cluster by) are each a mob of their own in the
-- feed's first round; video.in_mob, kept by a trigger, lets a partial index find them without an anti-join
-- over every validated video.
ALTER TABLE video ADD COLUMN in_mob boolean NOT NULL DEFAULT false;
UPDATE video v SET in_mob = true WHERE EXISTS (SELECT 1 FROM mob_member mm WHERE mm.video_id = v.id);

CREATE FUNCTION mob_member_mark_video() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        -- a cascade from the video's own deletion finds no row to update, which is right
        UPDATE video SET in_mob = false WHERE id = OLD.video_id AND in_mob;
        RETURN OLD;
    END IF;
    UPDATE video SET in_mob = true WHERE id = NEW.video_id AND NOT in_mob;
    RETURN NEW;
END $$;
CREATE TRIGGER mob_member_marks_video AFTER INSERT OR DELETE ON mob_member
    FOR EACH ROW EXECUTE FUNCTION mob_member_mark_video();
CREATE INDEX video_feed_unplaced_idx ON video (created_at DESC, id DESC) WHERE status = 'VALIDATED' AND NOT in_mob;
