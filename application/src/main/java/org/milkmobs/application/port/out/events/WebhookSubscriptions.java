package org.milkmobs.application.port.out.events;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.milkmobs.domain.events.WebhookSubscription;

/** The stored webhook subscriptions. */
public interface WebhookSubscriptions {

    void save(WebhookSubscription subscription);

    Optional<WebhookSubscription> find(UUID id);

    List<WebhookSubscription> all();

    boolean delete(UUID id);
}
