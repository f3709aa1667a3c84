package org.milkmobs.application.service.video;

import java.time.Clock;
import java.util.List;
import org.milkmobs.application.port.in.video.RelayEventsUseCase;
import org.milkmobs.application.port.out.events.EventOutbox;
import org.milkmobs.application.port.out.events.EventPublisher;
import org.milkmobs.application.port.out.events.WebhookDeliveries;
import org.milkmobs.domain.events.PublishedEvent;

/**
 * The outbox relay: publishes waiting events (gives them their stream sequence, one relay at a time) and, in
 * the same transaction, makes their webhook deliveries, so every published event is delivered exactly as
 * often as subscriptions want it.
 */
public class RelayEventsService implements RelayEventsUseCase {

    private static final int BATCH = 500;

    private final EventOutbox outbox;
    private final EventPublisher publisher;
    private final WebhookDeliveries deliveries;
    private final int maxAttempts;
    private final Clock clock;

    public RelayEventsService(EventOutbox outbox, EventPublisher publisher, WebhookDeliveries deliveries, int maxAttempts, Clock clock) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.deliveries = deliveries;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    @Override
    public int relay() {
        List<PublishedEvent> published = outbox.publishPending(BATCH, clock.instant());
        if (published.isEmpty()) {
            return 0;
        }
        deliveries.enqueue(published, maxAttempts, clock.instant());
        published.forEach(publisher::publish);
        return published.size();
    }
}
