package org.milkmobs.adapters.persistence.events;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.events.WebhookDeliveries;
import org.milkmobs.domain.events.DeliveryAttempt;
import org.milkmobs.domain.events.FailingSubscription;
import org.milkmobs.domain.events.PublishedEvent;
import org.milkmobs.domain.events.WebhookDelivery;
import org.milkmobs.domain.events.WebhookSubscription;

/** Webhook deliveries in their own job table, with the job table's SQL patterns (ADR 0005, ADR 0016). */
@Dependent
class WebhookDeliveriesAdapter implements WebhookDeliveries {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final int MAX_REPLAY = 10_000;

    private static final String DELIVERY_COLUMNS = """
            d.id, d.subscription_id, d.event_seq, d.event_id, d.event_type, d.state, d.attempt, d.max_attempts, d.run_at, d.replay_of,
            d.created_at, d.finished_at,
            (SELECT coalesce(json_agg(json_build_object('attempt', a.attempt, 'at', (extract(epoch FROM a.at) * 1000000)::bigint,
                                                        'status', a.status_code, 'latency', a.latency_ms, 'error', a.error)
                                      ORDER BY a.attempt), '[]')
             FROM webhook_attempt a WHERE a.delivery_id = d.id)::text AS attempts
            """;

    private final Sql sql;

    @Inject
    WebhookDeliveriesAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public int enqueue(List<PublishedEvent> events, int maxAttempts, Instant now) {
        if (events.isEmpty()) {
            return 0;
        }
        long first = events.stream().mapToLong(PublishedEvent::sequence).min().orElseThrow();
        long last = events.stream().mapToLong(PublishedEvent::sequence).max().orElseThrow();
        return sql.update("""
                INSERT INTO webhook_delivery (subscription_id, event_seq, event_id, event_type, video_id, state, max_attempts, run_at,
                                              created_at, updated_at)
                SELECT s.id, e.seq, e.event_id, e.type, e.video_id, 'AVAILABLE', ?::int, ?::timestamptz, ?::timestamptz, ?::timestamptz
                FROM outbox_event e
                JOIN webhook_subscription s ON s.active AND (cardinality(s.event_types) = 0 OR e.type = ANY (s.event_types))
                WHERE e.seq BETWEEN ? AND ?
                ORDER BY e.seq
                """, maxAttempts, now, now, now, first, last);
    }

    @Override
    public List<DueDelivery> claim(String worker, int limit, int perSubscription, Instant now, Instant leaseUntil) {
        return sql.query("""
                WITH candidate AS MATERIALIZED (
                    SELECT d.id, d.subscription_id, d.run_at FROM webhook_delivery d
                    WHERE d.state = 'AVAILABLE' AND d.run_at <= ?
                      AND NOT EXISTS (SELECT 1 FROM webhook_delivery e
                                      WHERE e.subscription_id = d.subscription_id AND e.video_id = d.video_id
                                        AND e.event_seq < d.event_seq AND e.state IN ('AVAILABLE', 'RUNNING'))
                    ORDER BY d.run_at, d.id LIMIT ? FOR UPDATE SKIP LOCKED
                ), ranked AS (
                    SELECT c.id, row_number() OVER (PARTITION BY c.subscription_id ORDER BY c.run_at, c.id) AS rank,
                           (SELECT count(*) FROM webhook_delivery r WHERE r.subscription_id = c.subscription_id AND r.state = 'RUNNING') AS running
                    FROM candidate c
                ), chosen AS (
                    SELECT id FROM ranked WHERE rank + running <= ? ORDER BY id LIMIT ?
                ), claimed AS (
                    UPDATE webhook_delivery d SET state = 'RUNNING', attempt = d.attempt + 1, lease_owner = ?, lease_expires_at = ?,
                                                  updated_at = ?
                    FROM chosen WHERE d.id = chosen.id
                    RETURNING d.id, d.attempt, d.max_attempts, d.subscription_id, d.event_seq
                )
                SELECT c.id AS delivery_id, c.attempt, c.max_attempts, %s,
                       e.seq, e.event_id, e.type, e.subject, e.video_id, e.owner_id, e.payload::text AS payload, e.created_at AS event_at
                FROM claimed c
                JOIN webhook_subscription s ON s.id = c.subscription_id
                JOIN outbox_event e ON e.seq = c.event_seq
                ORDER BY c.id
                """.formatted(WebhookSubscriptionsAdapter.COLUMNS), row -> new DueDelivery(
                new DeliveryLease(row.getLong("delivery_id"), row.getInt("attempt")), row.getInt("max_attempts"),
                WebhookSubscriptionsAdapter.subscription(row), claimedEvent(row)),
                now, limit * 4, perSubscription, limit, worker, leaseUntil, now);
    }

    private static PublishedEvent claimedEvent(ResultSet row) throws SQLException {
        UUID video = Sql.uuid(row, "video_id");
        return new PublishedEvent(row.getLong("seq"), Sql.uuid(row, "event_id"), row.getString("type"), Sql.instant(row, "event_at"),
                row.getString("subject"), video == null ? null : video.toString(), row.getString("owner_id"),
                org.milkmobs.adapters.persistence.JsonMaps.fromJson(row.getString("payload")));
    }

    @Override
    public boolean record(DeliveryLease lease, DeliveryAttempt attempt, Next next, Instant retryAt, Instant now) {
        String state = switch (next) {
            case SUCCEEDED -> "SUCCEEDED";
            case RETRY -> "AVAILABLE";
            case DEAD -> "DEAD";
        };
        return sql.update("""
                WITH updated AS (
                    UPDATE webhook_delivery SET state = ?, run_at = CASE WHEN ?::text = 'AVAILABLE' THEN ?::timestamptz ELSE run_at END,
                        lease_owner = NULL, lease_expires_at = NULL, last_status = ?::int, last_error = ?::text, last_latency_ms = ?::int, updated_at = ?,
                        finished_at = CASE WHEN ?::text = 'AVAILABLE' THEN NULL ELSE ?::timestamptz END
                    WHERE id = ? AND attempt = ? AND state = 'RUNNING'
                    RETURNING id
                )
                INSERT INTO webhook_attempt (delivery_id, attempt, at, status_code, latency_ms, error)
                SELECT id, ?::int, ?::timestamptz, ?::int, ?::int, ?::text FROM updated
                """, state, state, retryAt, attempt.statusCode(), attempt.error(), (int) attempt.latencyMillis(), now, state, now,
                lease.deliveryId(), lease.attempt(),
                lease.attempt(), attempt.at(), attempt.statusCode(), (int) attempt.latencyMillis(), attempt.error()) == 1;
    }

    @Override
    public int rescueExpired(Instant now) {
        return sql.update("""
                UPDATE webhook_delivery SET state = CASE WHEN attempt >= max_attempts THEN 'DEAD' ELSE 'AVAILABLE' END,
                    finished_at = CASE WHEN attempt >= max_attempts THEN ?::timestamptz END, lease_owner = NULL, lease_expires_at = NULL,
                    last_error = 'the worker''s lease expired before it recorded the outcome', updated_at = ?
                WHERE state = 'RUNNING' AND lease_expires_at < ?
                """, now, now, now);
    }

    @Override
    public List<WebhookDelivery> log(UUID subscription, Optional<Long> before, int limit) {
        return sql.query("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery d WHERE d.subscription_id = ? AND d.id < ? "
                + "ORDER BY d.id DESC LIMIT ?", WebhookDeliveriesAdapter::delivery, subscription, before.orElse(Long.MAX_VALUE), limit);
    }

    @Override
    public Optional<WebhookDelivery> find(long deliveryId) {
        return sql.query("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery d WHERE d.id = ?", WebhookDeliveriesAdapter::delivery,
                deliveryId).stream().findFirst();
    }

    @Override
    public long replay(long deliveryId, int maxAttempts, Instant now) {
        return sql.query("""
                INSERT INTO webhook_delivery (subscription_id, event_seq, event_id, event_type, video_id, state, max_attempts, run_at,
                                              replay_of, created_at, updated_at)
                SELECT subscription_id, event_seq, event_id, event_type, video_id, 'AVAILABLE', ?::int, ?::timestamptz, id, ?::timestamptz, ?::timestamptz
                FROM webhook_delivery WHERE id = ?
                RETURNING id
                """, row -> row.getLong("id"), maxAttempts, now, now, now, deliveryId).get(0);
    }

    @Override
    public int replayRange(WebhookSubscription subscription, Instant from, Instant to, int maxAttempts, Instant now) {
        return sql.update("""
                INSERT INTO webhook_delivery (subscription_id, event_seq, event_id, event_type, video_id, state, max_attempts, run_at,
                                              created_at, updated_at)
                SELECT s.id, e.seq, e.event_id, e.type, e.video_id, 'AVAILABLE', ?::int, ?::timestamptz, ?::timestamptz, ?::timestamptz
                FROM outbox_event e
                JOIN webhook_subscription s ON s.id = ? AND (cardinality(s.event_types) = 0 OR e.type = ANY (s.event_types))
                WHERE e.seq IS NOT NULL AND e.created_at >= ? AND e.created_at < ?
                ORDER BY e.seq LIMIT ?
                """, maxAttempts, now, now, now, subscription.id(), from, to, MAX_REPLAY);
    }

    @Override
    public List<FailingSubscription> failing(Instant since) {
        return sql.query("""
                WITH recent AS (
                    SELECT d.subscription_id, a.at, a.status_code, a.error,
                           (a.status_code IS NULL OR a.status_code NOT BETWEEN 200 AND 299) AS failed
                    FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
                    WHERE a.at >= ?
                ), health AS (
                    SELECT s.id, s.url,
                           (SELECT count(*) FROM recent r WHERE r.subscription_id = s.id AND r.failed) AS failed_attempts,
                           (SELECT count(*) FROM webhook_delivery d WHERE d.subscription_id = s.id AND d.state = 'DEAD'
                                                                      AND d.finished_at >= ?) AS dead,
                           (SELECT coalesce(r.error, 'HTTP ' || r.status_code) FROM recent r WHERE r.subscription_id = s.id AND r.failed
                            ORDER BY r.at DESC LIMIT 1) AS last_error,
                           (SELECT max(r.at) FROM recent r WHERE r.subscription_id = s.id AND r.failed) AS last_failure_at,
                           (SELECT r.failed FROM recent r WHERE r.subscription_id = s.id ORDER BY r.at DESC LIMIT 1) AS latest_failed
                    FROM webhook_subscription s
                )
                SELECT * FROM health WHERE latest_failed OR dead > 0 ORDER BY last_failure_at DESC NULLS LAST
                """, row -> new FailingSubscription(Sql.uuid(row, "id"), row.getString("url"), row.getLong("failed_attempts"),
                row.getLong("dead"), row.getString("last_error"), Sql.instant(row, "last_failure_at")), since, since);
    }

    @Override
    public DeliveryStats stats(Instant since) {
        Map<String, Long> byState = new TreeMap<>();
        sql.query("SELECT state, count(*) AS n FROM webhook_delivery GROUP BY state", row -> byState.put(row.getString("state"), row.getLong("n")));
        return sql.query("""
                SELECT count(*) FILTER (WHERE status_code BETWEEN 200 AND 299) AS succeeded,
                       count(*) FILTER (WHERE status_code IS NULL OR status_code NOT BETWEEN 200 AND 299) AS failed,
                       coalesce(percentile_disc(0.5) WITHIN GROUP (ORDER BY latency_ms), 0) AS p50,
                       coalesce(percentile_disc(0.95) WITHIN GROUP (ORDER BY latency_ms), 0) AS p95
                FROM webhook_attempt WHERE at >= ?
                """, row -> new DeliveryStats(byState, row.getLong("succeeded"), row.getLong("failed"), Duration.ofMillis(row.getLong("p50")),
                Duration.ofMillis(row.getLong("p95"))), since).get(0);
    }

    private static WebhookDelivery delivery(ResultSet row) throws SQLException {
        long replayOf = row.getLong("replay_of");
        Long replay = row.wasNull() ? null : replayOf;
        return new WebhookDelivery(row.getLong("id"), Sql.uuid(row, "subscription_id"), row.getLong("event_seq"), Sql.uuid(row, "event_id"),
                row.getString("event_type"), row.getString("state"), row.getInt("attempt"), row.getInt("max_attempts"),
                Sql.instant(row, "run_at"), replay, Sql.instant(row, "created_at"), Sql.instant(row, "finished_at"),
                attempts(row.getString("attempts")));
    }

    private static List<DeliveryAttempt> attempts(String json) {
        List<DeliveryAttempt> attempts = new ArrayList<>();
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonArray array = reader.readArray();
            for (JsonValue value : array) {
                JsonObject a = value.asJsonObject();
                long micros = a.getJsonNumber("at").longValue();
                attempts.add(new DeliveryAttempt(a.getInt("attempt"),
                        a.isNull("status") ? null : ((JsonNumber) a.get("status")).intValue(), a.getJsonNumber("latency").longValue(),
                        a.isNull("error") ? null : a.getString("error"), Instant.EPOCH.plus(micros, ChronoUnit.MICROS)));
            }
        }
        attempts.sort(Comparator.comparingInt(DeliveryAttempt::attempt));
        return attempts;
    }
}
