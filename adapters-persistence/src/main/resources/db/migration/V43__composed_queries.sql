-- A search may combine a text and an image (issue 21 #5, ADR 0010): Marengo 3.0 embeds both as one vector, a paid call
-- of its own kind, and the vector is cached like any query's.
ALTER TABLE model_usage DROP CONSTRAINT model_usage_operation_check;
ALTER TABLE model_usage ADD CONSTRAINT model_usage_operation_check
    CHECK (operation IN ('EMBED_TEXT', 'EMBED_IMAGE', 'EMBED_TEXT_IMAGE', 'EMBED_VIDEO', 'EMBED_AUDIO', 'ANALYZE_VIDEO', 'CHAT'));
ALTER TABLE query_embedding DROP CONSTRAINT query_embedding_kind_check;
ALTER TABLE query_embedding ADD CONSTRAINT query_embedding_kind_check CHECK (kind IN ('TEXT', 'IMAGE', 'AUDIO', 'COMPOSED'));
