package org.milkmobs.domain.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A delivery of one event to one subscription, as its log shows it; {@code replayOf} names the delivery it repeats. */
public record WebhookDelivery(long id, UUID subscriptionId, long eventSequence, UUID eventId, String eventType, String state, int attempt,
                              int maxAttempts, Instant runAt, Long replayOf, Instant createdAt, Instant finishedAt,
                              List<DeliveryAttempt> attempts) {

    public WebhookDelivery {
        attempts = List.copyOf(attempts);
    }
}
