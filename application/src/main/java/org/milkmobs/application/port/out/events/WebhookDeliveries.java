package org.milkmobs.application.port.out.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.milkmobs.domain.events.DeliveryAttempt;
import org.milkmobs.domain.events.FailingSubscription;
import org.milkmobs.domain.events.PublishedEvent;
import org.milkmobs.domain.events.WebhookDelivery;
import org.milkmobs.domain.events.WebhookSubscription;

/**
 * Webhook deliveries as jobs (the job table's rules, ADR 0005): claimed with SKIP LOCKED under a lease, every
 * later write fenced by the attempt; with every attempt kept for the delivery log.
 */
public interface WebhookDeliveries {

    /** One delivery per event and active subscription that wants its type; returns how many. */
    int enqueue(List<PublishedEvent> events, int maxAttempts, Instant now);

    /**
     * Claims due deliveries: at most {@code perSubscription} running per subscription, and never one whose video has an
     * earlier unfinished delivery to the same subscription (a video's events arrive in order).
     */
    List<DueDelivery> claim(String worker, int limit, int perSubscription, Instant now, Instant leaseUntil);

    /** Records an attempt and moves the delivery to {@code next}; false (nothing written) when the lease was lost. */
    boolean record(DeliveryLease lease, DeliveryAttempt attempt, Next next, Instant retryAt, Instant now);

    /** Gives deliveries whose lease expired back (or DEAD at their last attempt); returns how many. */
    int rescueExpired(Instant now);

    /** A subscription's deliveries, newest first, before the delivery id {@code before} when given. */
    List<WebhookDelivery> log(UUID subscription, Optional<Long> before, int limit);

    Optional<WebhookDelivery> find(long deliveryId);

    /** A new delivery of the same event to the same subscription; returns its id. */
    long replay(long deliveryId, int maxAttempts, Instant now);

    /** New deliveries of the subscription's events published between the two times (those it wants); returns how many. */
    int replayRange(WebhookSubscription subscription, Instant from, Instant to, int maxAttempts, Instant now);

    /** Subscriptions whose latest finished delivery since {@code since} failed, with their failure counts. */
    List<FailingSubscription> failing(Instant since);

    /** Deliveries by state, and the attempts made since {@code since}: how many succeeded and failed, and their latency p50/p95. */
    DeliveryStats stats(Instant since);

    enum Next { SUCCEEDED, RETRY, DEAD }

    record DeliveryStats(Map<String, Long> byState, long succeeded, long failed, Duration latencyP50, Duration latencyP95) {
        public DeliveryStats {
            byState = Map.copyOf(byState);
        }
    }

    record DeliveryLease(long deliveryId, int attempt) {
    }

    record DueDelivery(DeliveryLease lease, int maxAttempts, WebhookSubscription subscription, PublishedEvent event) {
    }
}
