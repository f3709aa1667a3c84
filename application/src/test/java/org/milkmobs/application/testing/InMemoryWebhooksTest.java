package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.events.EventOutbox;
import org.milkmobs.application.port.out.events.WebhookDeliveries;
import org.milkmobs.application.port.out.events.WebhookSubscriptions;

class InMemoryWebhooksTest extends WebhookStoreContract {

    private final InMemoryEvents events = new InMemoryEvents();
    private final InMemoryWebhooks webhooks = new InMemoryWebhooks(events);

    @Override
    protected EventOutbox outbox() {
        return events;
    }

    @Override
    protected WebhookSubscriptions subscriptions() {
        return webhooks;
    }

    @Override
    protected WebhookDeliveries deliveries() {
        return webhooks;
    }
}
