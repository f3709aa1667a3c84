package org.milkmobs.adapters.persistence;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The one way an outbox row is written, for the adapters that append events inside their own statements'
 * transaction (the event adapter, and the budget ledger's threshold alerts). Payload keys {@code videoId} and
 * {@code ownerId} say whose video the event is about.
 */
public final class OutboxRows {

    private OutboxRows() {
    }

    public static void append(Sql sql, String type, String subject, Map<String, String> payload, Instant now) {
        String video = payload.get("videoId");
        sql.update("INSERT INTO outbox_event (type, subject, payload, created_at, video_id, owner_id) VALUES (?, ?, ?, ?, ?, ?)", type,
                subject, JsonMaps.toJson(payload), now, video == null ? null : UUID.fromString(video), payload.get("ownerId"));
    }
}
