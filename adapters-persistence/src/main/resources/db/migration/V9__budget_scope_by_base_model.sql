-- A model's budget scope is its base model id (ADR 0012): a call through a cross-region inference profile
-- ('us.twelvelabs.marengo-embed-3-0-v1:0') or an ARN counts against 'twelvelabs.marengo-embed-3-0-v1:0'.
-- Scopes written before under such aliases are merged into their base model's: counters add up, of two
-- ceilings the stricter stays (a lifted one gives way to a set one), held reservations follow.
-- The audit trail (budget_change) keeps what was written then.
CREATE FUNCTION pg_temp.base_model(scope text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT regexp_replace(CASE WHEN scope LIKE 'arn:%/%' THEN regexp_replace(scope, '^.*/', '') ELSE scope END,
                          '^(us|us-gov|eu|apac|jp|au|ca|global)\.([^.]+\..+)$', '\2')
$$;

INSERT INTO budget_counter (scope, period, window_start, spent_usd, reserved_usd)
SELECT pg_temp.base_model(scope), period, window_start, sum(spent_usd), sum(reserved_usd)
FROM budget_counter
WHERE scope <> pg_temp.base_model(scope)
GROUP BY 1, 2, 3
ON CONFLICT (scope, period, window_start) DO UPDATE
    SET spent_usd = budget_counter.spent_usd + EXCLUDED.spent_usd,
        reserved_usd = budget_counter.reserved_usd + EXCLUDED.reserved_usd;
DELETE FROM budget_counter WHERE scope <> pg_temp.base_model(scope);

INSERT INTO budget_limit (scope, period, limit_usd, updated_at)
SELECT pg_temp.base_model(scope), period, min(limit_usd), max(updated_at)
FROM budget_limit
WHERE scope <> pg_temp.base_model(scope)
GROUP BY 1, 2
ON CONFLICT (scope, period) DO UPDATE
    SET limit_usd = CASE WHEN budget_limit.limit_usd IS NULL THEN EXCLUDED.limit_usd
                         WHEN EXCLUDED.limit_usd IS NULL THEN budget_limit.limit_usd
                         ELSE least(budget_limit.limit_usd, EXCLUDED.limit_usd) END,
        updated_at = greatest(budget_limit.updated_at, EXCLUDED.updated_at);
DELETE FROM budget_limit WHERE scope <> pg_temp.base_model(scope);

-- one reservation is of one model, so its windows cannot collide once renamed
UPDATE budget_reservation_window SET scope = pg_temp.base_model(scope) WHERE scope <> pg_temp.base_model(scope);
