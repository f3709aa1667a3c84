package org.milkmobs.application.port.in.events;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.milkmobs.application.port.in.NotFoundException;
import org.milkmobs.domain.events.FailingSubscription;
import org.milkmobs.domain.events.WebhookDelivery;
import org.milkmobs.domain.events.WebhookSubscription;
import org.milkmobs.domain.user.Caller;

/** Admins' webhook subscriptions, their delivery log, and replays. */
public interface WebhookAdminUseCase {

    /** Creates a subscription; the answer carries its signing secret, shown this once. */
    WithSecret create(Definition definition, Caller admin);

    List<WebhookSubscription> list(Caller admin);

    WebhookSubscription get(UUID id, Caller admin);

    WebhookSubscription update(UUID id, Definition definition, Caller admin);

    void delete(UUID id, Caller admin);

    /** A new secret, shown this once; the old one stays valid for the configured grace period. */
    WithSecret rotateSecret(UUID id, Caller admin);

    List<WebhookDelivery> deliveries(UUID id, Optional<Long> before, int limit, Caller admin);

    /** Delivers the same event (same event id) again; returns the new delivery. */
    WebhookDelivery replay(UUID id, long deliveryId, Caller admin);

    /** Delivers again every event the subscription wants published in [from, to); returns how many. */
    int replayRange(UUID id, Instant from, Instant to, Caller admin);

    /** Subscriptions whose recent deliveries fail (for the admin stats). */
    List<FailingSubscription> failing(Caller admin);

    /** What an admin sets: target URL, wanted event types (empty: all), active, an optional description. */
    record Definition(URI url, Set<String> eventTypes, boolean active, String description) {
        public Definition {
            eventTypes = Set.copyOf(eventTypes);
        }
    }

    record WithSecret(WebhookSubscription subscription, String secret) {
    }

    final class SubscriptionNotFoundException extends NotFoundException {
        public SubscriptionNotFoundException(String what) {
            super("no " + what + " exists");
        }
    }
}
