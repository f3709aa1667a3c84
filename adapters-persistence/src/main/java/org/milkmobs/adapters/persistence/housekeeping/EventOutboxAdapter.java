package org.milkmobs.adapters.persistence.housekeeping;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.milkmobs.adapters.persistence.JsonMaps;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.events.EventOutbox;

@Dependent
class EventOutboxAdapter implements EventOutbox {

    private final Sql sql;

    @Inject
    EventOutboxAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public void append(String type, String subject, Map<String, String> payload, Instant now) {
        sql.update("INSERT INTO outbox_event (type, subject, payload, created_at) VALUES (?, ?, ?, ?)", type, subject,
                JsonMaps.toJson(payload), now);
    }

    @Override
    public List<OutboxEvent> undelivered(int limit) {
        return sql.query("""
                SELECT id, type, subject, payload::text AS payload, created_at FROM outbox_event
                WHERE delivered_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED
                """, row -> new OutboxEvent(row.getLong("id"), row.getString("type"), row.getString("subject"),
                JsonMaps.fromJson(row.getString("payload")), Sql.instant(row, "created_at")), limit);
    }

    @Override
    public void delivered(long id, Instant now) {
        sql.update("UPDATE outbox_event SET delivered_at = ? WHERE id = ?", now, id);
    }
}
