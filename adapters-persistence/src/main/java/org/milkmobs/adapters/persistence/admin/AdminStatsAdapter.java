package org.milkmobs.adapters.persistence.admin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.OperationsStats.Latency;
import org.milkmobs.application.port.OperationsStats;
import org.milkmobs.application.port.out.admin.AdminStatsPort;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.usage.UsageGrouping;
import org.milkmobs.domain.usage.UsageTotals;
import org.milkmobs.domain.video.FailureCode;
import org.milkmobs.domain.video.VideoStatus;

/** The admin numbers, aggregated in SQL. */
@Dependent
class AdminStatsAdapter implements AdminStatsPort {

    /** Latency percentiles are over this many most recently finished workflows. */
    static final int LATENCY_SAMPLE = 1000;

    private final Sql sql;

    @Inject
    AdminStatsAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    /** A call the model served (or charged for): a refused attempt's units were never processed. */
    private static final String BILLED = "error_code IS NULL OR cost_usd > 0";

    @Override
    public List<UsageTotals> usage(Instant from, Instant to, UsageGrouping groupBy) {
        String key = switch (groupBy) {
            case DAY -> "CAST(NULL AS text)";
            case MODEL -> "model_id";
            case OPERATION -> "operation";
        };
        return sql.query("SELECT CAST(date_trunc('day', at AT TIME ZONE 'UTC') AS date) AS day, " + key + " AS key,"
                + " count(*) AS invocations, count(*) FILTER (WHERE error_code IS NOT NULL) AS failures,"
                + " coalesce(sum(media_seconds) FILTER (WHERE " + BILLED + "), 0) AS media_seconds,"
                + " coalesce(sum(media_seconds) FILTER (WHERE NOT (" + BILLED + ")), 0) AS refused_media_seconds,"
                + " coalesce(sum(input_tokens) FILTER (WHERE " + BILLED + "), 0) AS input_tokens,"
                + " coalesce(sum(images) FILTER (WHERE " + BILLED + "), 0) AS images,"
                + " coalesce(sum(output_tokens) FILTER (WHERE " + BILLED + "), 0) AS output_tokens, sum(cost_usd) AS cost_usd"
                + " FROM model_usage WHERE at >= ? AND at < ? GROUP BY 1, 2 ORDER BY 1, 2",
                row -> new UsageTotals(row.getDate("day").toLocalDate(), Optional.ofNullable(row.getString("key")), row.getLong("invocations"),
                        row.getLong("failures"), row.getDouble("media_seconds"), row.getDouble("refused_media_seconds"),
                        row.getDouble("input_tokens"), row.getDouble("images"),
                        row.getLong("output_tokens"), row.getBigDecimal("cost_usd")), from, to);
    }

    @Override
    public OperationsStats operations(Instant now) {
        Map<VideoStatus, Long> videos = new EnumMap<>(VideoStatus.class);
        for (VideoStatus status : VideoStatus.values()) {
            videos.put(status, 0L);
        }
        sql.query("SELECT status, count(*) AS n FROM video GROUP BY status",
                row -> videos.put(VideoStatus.valueOf(row.getString("status")), row.getLong("n")));
        Map<FailureCode, Long> failures = new EnumMap<>(FailureCode.class);
        sql.query("SELECT failure_code, count(*) AS n FROM video WHERE status = 'FAILED' GROUP BY failure_code",
                row -> failures.put(FailureCode.valueOf(row.getString("failure_code")), row.getLong("n")));
        Map<JobState, Long> jobs = new EnumMap<>(JobState.class);
        for (JobState state : JobState.values()) {
            jobs.put(state, 0L);
        }
        sql.query("SELECT state, count(*) AS n FROM job GROUP BY state", row -> jobs.put(JobState.valueOf(row.getString("state")), row.getLong("n")));
        long[] mobs = sql.query("SELECT (SELECT count(*) FROM mob) AS mobs, (SELECT count(*) FROM mob_member) AS members",
                row -> new long[] {row.getLong("mobs"), row.getLong("members")}).get(0);
        Map<String, BigDecimal> costs = new LinkedHashMap<>();
        sql.query("SELECT model_id, sum(cost_usd) AS cost FROM model_usage GROUP BY model_id ORDER BY model_id",
                row -> costs.put(row.getString("model_id"), row.getBigDecimal("cost")));
        return new OperationsStats(now, videos, mobs[0], mobs[1], averageScore(), averageSignalScores(), latency(), failures, jobs, costs);
    }

    /** Over the decision in force (the newest) of each video. */
    private OptionalDouble averageScore() {
        return sql.query("""
                SELECT avg(score) AS score FROM (SELECT DISTINCT ON (video_id) score FROM validation_decision ORDER BY video_id, seq DESC) d
                """, row -> {
            double score = row.getDouble("score");
            return row.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(score);
        }).get(0);
    }

    private Map<String, Double> averageSignalScores() {
        Map<String, Double> averages = new LinkedHashMap<>();
        sql.query("""
                SELECT line ->> 'signal' AS signal, avg(CAST(line ->> 'score' AS double precision)) AS score
                FROM (SELECT DISTINCT ON (video_id) breakdown FROM validation_decision ORDER BY video_id, seq DESC) d,
                     jsonb_array_elements(d.breakdown) AS line
                WHERE jsonb_typeof(line -> 'score') = 'number'
                GROUP BY 1 ORDER BY 1
                """, row -> averages.put(row.getString("signal"), row.getDouble("score")));
        return averages;
    }

    private Optional<Latency> latency() {
        return sql.query("""
                SELECT count(*) AS n,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS p50,
                       percentile_cont(0.95) WITHIN GROUP (ORDER BY seconds) AS p95
                FROM (SELECT extract(epoch FROM finished_at - started_at) AS seconds FROM workflow
                      WHERE status = 'SUCCEEDED' ORDER BY finished_at DESC LIMIT ?) w
                """, row -> row.getLong("n") == 0 ? Optional.<Latency>empty()
                : Optional.of(new Latency(seconds(row.getDouble("p50")), seconds(row.getDouble("p95")), row.getLong("n"))),
                LATENCY_SAMPLE).get(0);
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
