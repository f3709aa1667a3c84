package org.milkmobs.adapters.persistence.usage;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.usage.UsageRecorder;
import org.milkmobs.domain.usage.PricedUnit;
import org.milkmobs.domain.usage.UsageRecord;

@Dependent
class UsageRecorderAdapter implements UsageRecorder {

    private final Sql sql;

    @Inject
    UsageRecorderAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    /** In a transaction of its own: the call was made (and perhaps paid for) whatever becomes of the caller's work. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(UsageRecord usage) {
        sql.update("""
                INSERT INTO model_usage (at, model_id, operation, media_seconds, input_tokens, images, output_tokens, latency_ms,
                                         cost_usd, error_code, video_id, query_ref, request_token)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, usage.at(), usage.model(), usage.operation().name(), quantity(usage, PricedUnit.MEDIA_SECOND),
                quantity(usage, PricedUnit.INPUT_TOKEN), quantity(usage, PricedUnit.IMAGE), usage.outputTokens(),
                usage.latency().toMillis(), usage.cost(), usage.errorCode().orElse(null),
                usage.subject().video().map(v -> v.value()).orElse(null), usage.subject().query().orElse(null),
                usage.requestToken().orElse(null));
    }

    private static double quantity(UsageRecord usage, PricedUnit unit) {
        return usage.units().getOrDefault(unit, 0.0);
    }
}
