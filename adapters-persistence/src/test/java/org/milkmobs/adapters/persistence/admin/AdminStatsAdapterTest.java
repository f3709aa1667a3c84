package org.milkmobs.adapters.persistence.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.adapters.persistence.testing.PersistenceTest;
import org.milkmobs.domain.usage.UsageGrouping;
import org.milkmobs.domain.usage.UsageTotals;

class AdminStatsAdapterTest extends PersistenceTest {

    private final AdminStatsAdapter stats = new AdminStatsAdapter(em);

    /** Defect 19: under throttling, the refused attempts' seconds were added to the processed ones (121 s for 93 s of video). */
    @Test
    void unitsOfRefusedAttemptsAreCountedApartFromBilledUnits() {
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        txRun(() -> {
            Sql sql = new Sql(em);
            String insert = "INSERT INTO model_usage (at, model_id, operation, media_seconds, input_tokens, images, output_tokens, latency_ms,"
                    + " cost_usd, error_code) VALUES (?, 'marengo', 'EMBED_VIDEO', ?, 0, 0, ?, 10, ?, ?)";
            sql.update(insert, at, 14.0, 0, new java.math.BigDecimal("0.01"), null);
            sql.update(insert, at, 14.0, 0, java.math.BigDecimal.ZERO, "ThrottlingException");
            sql.update(insert, at, 14.0, 7, java.math.BigDecimal.ZERO, "ThrottlingException");
        });

        List<UsageTotals> usage = tx(() -> stats.usage(at.minusSeconds(60), at.plusSeconds(60), UsageGrouping.MODEL));

        assertThat(usage).singleElement().satisfies(total -> {
            assertThat(total.invocations()).isEqualTo(3);
            assertThat(total.failures()).isEqualTo(2);
            assertThat(total.mediaSeconds()).isEqualTo(14.0);
            assertThat(total.refusedMediaSeconds()).isEqualTo(28.0);
            assertThat(total.outputTokens()).isZero();
            assertThat(total.costUsd()).isEqualByComparingTo("0.01");
        });
    }
}
