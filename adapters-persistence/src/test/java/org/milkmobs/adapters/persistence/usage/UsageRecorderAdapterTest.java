package org.milkmobs.adapters.persistence.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.adapters.persistence.testing.PersistenceTest;
import org.milkmobs.domain.usage.ModelOperation;
import org.milkmobs.domain.usage.PricedUnit;
import org.milkmobs.domain.usage.UsageRecord;
import org.milkmobs.domain.usage.UsageRecord.Subject;
import org.milkmobs.domain.video.VideoId;

class UsageRecorderAdapterTest extends PersistenceTest {

    private final UsageRecorderAdapter recorder = new UsageRecorderAdapter(em);

    @Test
    void everyInvocationIsOneRowWithItsUnitsCostOutcomeAndSubject() {
        VideoId video = VideoId.generate();
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        txRun(() -> recorder.record(new UsageRecord(at, "pegasus", ModelOperation.ANALYZE_VIDEO,
                Map.of(PricedUnit.MEDIA_SECOND, 12.5, PricedUnit.INPUT_TOKEN, 420.0), 300, Duration.ofMillis(1234),
                new BigDecimal("0.00837500"), Optional.empty(), Subject.video(video), Optional.empty())));
        txRun(() -> recorder.record(new UsageRecord(at, "marengo", ModelOperation.EMBED_TEXT, Map.of(PricedUnit.INPUT_TOKEN, 5.0), 0,
                Duration.ofMillis(80), BigDecimal.ZERO, Optional.of("ThrottlingException"), Subject.query("sha256:ab"), Optional.empty())));

        List<String> rows = tx(() -> new Sql(em).query("""
                SELECT operation, media_seconds, input_tokens, output_tokens, latency_ms, cost_usd, coalesce(error_code, '-') AS error,
                       coalesce(video_id::text, query_ref) AS subject
                FROM model_usage ORDER BY id
                """, r -> String.join(" ", r.getString("operation"), r.getString("media_seconds"), r.getString("input_tokens"),
                r.getString("output_tokens"), r.getString("latency_ms"), r.getBigDecimal("cost_usd").toPlainString(), r.getString("error"),
                r.getString("subject"))));

        assertThat(rows).containsExactly(
                "ANALYZE_VIDEO 12.5 420 300 1234 0.00837500 - " + video,
                "EMBED_TEXT 0 5 0 80 0.00000000 ThrottlingException sha256:ab");
    }
}
