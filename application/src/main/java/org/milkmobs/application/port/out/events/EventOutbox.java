package org.milkmobs.application.port.out.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.milkmobs.domain.events.PublishedEvent;

/**
 * Domain events written in the same transaction as the change they announce (the outbox pattern), and
 * published by the relay: publishing gives each its place in the one stream that webhooks and event streams
 * read ({@link PublishedEvent#sequence()}), in commit order.
 */
public interface EventOutbox {

    /** Payload keys {@code videoId} and {@code ownerId}, when present, say whose video the event is about. */
    void append(String type, String subject, Map<String, String> payload, Instant now);

    /**
     * Gives the oldest unpublished events (up to {@code limit}) the next sequence numbers and returns them; empty
     * when another relay is publishing right now (one at a time, so sequence numbers follow commit order).
     */
    List<PublishedEvent> publishPending(int limit, Instant now);
}
