-- The gateway's chat completions (Bedrock Converse) are paid calls too (ADR 0017).
ALTER TABLE model_usage DROP CONSTRAINT model_usage_operation_check;
ALTER TABLE model_usage ADD CONSTRAINT model_usage_operation_check
    CHECK (operation IN ('EMBED_TEXT', 'EMBED_IMAGE', 'EMBED_VIDEO', 'EMBED_AUDIO', 'ANALYZE_VIDEO', 'CHAT'));
