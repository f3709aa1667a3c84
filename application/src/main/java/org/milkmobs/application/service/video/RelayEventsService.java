package org.milkmobs.application.service.video;

import java.time.Clock;
import org.milkmobs.application.port.in.video.RelayEventsUseCase;
import org.milkmobs.application.port.out.events.EventOutbox;
import org.milkmobs.application.port.out.events.EventPublisher;

/** The outbox relay: reads undelivered events (locked, so instances share the work), publishes, marks them. */
public class RelayEventsService implements RelayEventsUseCase {

    private static final int BATCH = 100;

    private final EventOutbox outbox;
    private final EventPublisher publisher;
    private final Clock clock;

    public RelayEventsService(EventOutbox outbox, EventPublisher publisher, Clock clock) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public int relay() {
        int delivered = 0;
        for (EventOutbox.OutboxEvent event : outbox.undelivered(BATCH)) {
            publisher.publish(event);
            outbox.delivered(event.id(), clock.instant());
            delivered++;
        }
        return delivered;
    }
}
