package org.milkmobs.adapters.persistence.usage;

import java.math.BigDecimal;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.domain.usage.PricedUnit;
import org.milkmobs.domain.usage.UsageRecord;

/** Writes {@code model_usage} rows; the one place that knows their columns. */
public final class UsageRows {

    private UsageRows() {
    }

    /**
     * Inserts {@code usage}. An asynchronous start whose request token was already paid for costs nothing
     * again: Bedrock answers a repeated token with the same invocation and does not bill it twice.
     *
     * @param estimate what the budget reserved for the call, or null
     * @return the cost written
     */
    public static BigDecimal insert(Sql sql, UsageRecord usage, BigDecimal estimate) {
        String token = usage.requestToken().orElse(null);
        return sql.query("""
                INSERT INTO model_usage (at, model_id, operation, media_seconds, input_tokens, images, output_tokens, latency_ms,
                                         cost_usd, error_code, video_id, query_ref, request_token, estimate_usd, api_key_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?,
                        CASE WHEN CAST(? AS text) IS NOT NULL AND EXISTS (SELECT 1 FROM model_usage p WHERE p.request_token = CAST(? AS text)
                                                                          AND p.error_code IS NULL AND p.cost_usd > 0)
                             THEN 0 ELSE CAST(? AS numeric) END,
                        ?, ?, ?, ?, ?, ?)
                RETURNING cost_usd
                """, row -> row.getBigDecimal("cost_usd"),
                usage.at(), usage.model(), usage.operation().name(), quantity(usage, PricedUnit.MEDIA_SECOND),
                quantity(usage, PricedUnit.INPUT_TOKEN), quantity(usage, PricedUnit.IMAGE), usage.outputTokens(),
                usage.latency().toMillis(), token, token, usage.cost(), usage.errorCode().orElse(null),
                usage.subject().video().map(v -> v.value()).orElse(null), usage.subject().query().orElse(null), token, estimate,
                usage.subject().apiKey().orElse(null)).get(0);
    }

    private static double quantity(UsageRecord usage, PricedUnit unit) {
        return usage.units().getOrDefault(unit, 0.0);
    }
}
