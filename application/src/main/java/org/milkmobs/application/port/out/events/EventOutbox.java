package org.milkmobs.application.port.out.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Domain events written in the same transaction as the change they announce (the outbox pattern), and
 * read back by the relay that delivers them.
 */
public interface EventOutbox {

    void append(String type, String subject, Map<String, String> payload, Instant now);

    /** Undelivered events, oldest first, locked for the caller until its transaction ends. */
    List<OutboxEvent> undelivered(int limit);

    void delivered(long id, Instant now);

    record OutboxEvent(long id, String type, String subject, Map<String, String> payload, Instant createdAt) {
        public OutboxEvent {
            payload = Map.copyOf(payload);
        }
    }
}
