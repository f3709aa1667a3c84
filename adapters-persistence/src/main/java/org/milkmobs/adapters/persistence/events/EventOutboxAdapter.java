package org.milkmobs.adapters.persistence.events;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.milkmobs.adapters.persistence.JsonMaps;
import org.milkmobs.adapters.persistence.OutboxRows;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.events.EventLog;
import org.milkmobs.application.port.out.events.EventOutbox;
import org.milkmobs.domain.events.EventAudience;
import org.milkmobs.domain.events.PublishedEvent;

/**
 * The outbox and the published stream in one table. Publishing takes a transaction-level advisory lock, so
 * one relay at a time numbers events, each after the previous one committed: sequence order is commit order,
 * and a reader never sees a smaller sequence appear behind one it has read.
 */
@Dependent
class EventOutboxAdapter implements EventOutbox, EventLog {

    /** The advisory lock of the publishing relay ("mm-events"). */
    private static final long PUBLISH_LOCK = 0x6d6d2d6576656e74L;

    static final String COLUMNS = "seq, event_id, type, subject, video_id, owner_id, payload::text AS payload, created_at";

    private final Sql sql;

    @Inject
    EventOutboxAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public void append(String type, String subject, Map<String, String> payload, Instant now) {
        OutboxRows.append(sql, type, subject, payload, now);
    }

    @Override
    public List<PublishedEvent> publishPending(int limit, Instant now) {
        boolean mine = sql.query("SELECT pg_try_advisory_xact_lock(?) AS locked", row -> row.getBoolean("locked"), PUBLISH_LOCK).get(0);
        if (!mine) {
            return List.of();
        }
        return sql.query("""
                WITH next AS (
                    SELECT id, (SELECT coalesce(max(seq), 0) FROM outbox_event) + row_number() OVER (ORDER BY id) AS seq
                    FROM (SELECT id FROM outbox_event WHERE seq IS NULL ORDER BY id LIMIT ?) pending
                )
                UPDATE outbox_event o SET seq = next.seq, delivered_at = ? FROM next WHERE o.id = next.id
                RETURNING o.seq, o.event_id, o.type, o.subject, o.video_id, o.owner_id, o.payload::text AS payload, o.created_at
                """, EventOutboxAdapter::event, limit, now).stream().sorted(java.util.Comparator.comparingLong(PublishedEvent::sequence))
                .toList();
    }

    @Override
    public List<PublishedEvent> after(long sequence, EventAudience audience, int limit) {
        StringBuilder where = new StringBuilder("seq > ?");
        List<Object> parameters = new ArrayList<>(List.of(sequence));
        audience.video().ifPresent(video -> {
            where.append(" AND video_id = ?");
            parameters.add(UUID.fromString(video));
        });
        audience.owner().ifPresent(owner -> {
            where.append(" AND owner_id = ?");
            parameters.add(owner);
        });
        parameters.add(limit);
        return sql.query("SELECT " + COLUMNS + " FROM outbox_event WHERE " + where + " ORDER BY seq LIMIT ?", EventOutboxAdapter::event,
                parameters.toArray());
    }

    @Override
    public long lastSequence() {
        return sql.query("SELECT coalesce(max(seq), 0) AS head FROM outbox_event", row -> row.getLong("head")).get(0);
    }

    @Override
    public long unpublished() {
        return sql.query("SELECT count(*) AS n FROM outbox_event WHERE seq IS NULL", row -> row.getLong("n")).get(0);
    }

    static PublishedEvent event(ResultSet row) throws SQLException {
        UUID video = Sql.uuid(row, "video_id");
        return new PublishedEvent(row.getLong("seq"), Sql.uuid(row, "event_id"), row.getString("type"), Sql.instant(row, "created_at"),
                row.getString("subject"), video == null ? null : video.toString(), row.getString("owner_id"),
                JsonMaps.fromJson(row.getString("payload")));
    }
}
