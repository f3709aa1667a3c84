-- Words describing how a video looks (dominant colours, motion), measured by the local analyzer; a mob whose
-- members share no hashtag or on-screen word of their own is labelled by them (docs/adr/0009).
ALTER TABLE analysis ADD COLUMN look text[] NOT NULL DEFAULT '{}';

-- The name an admin gave a mob; it wins over the computed label and survives a re-clustering that keeps the id.
ALTER TABLE mob ADD COLUMN name varchar(80);
