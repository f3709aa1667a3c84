package org.milkmobs.adapters.persistence.events;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.application.port.out.events.EventOutbox;
import org.milkmobs.application.port.out.events.WebhookDeliveries;
import org.milkmobs.application.port.out.events.WebhookSubscriptions;
import org.milkmobs.application.testing.WebhookStoreContract;

/** The webhook store contract on PostgreSQL. */
class PostgresWebhookStoreTest extends WebhookStoreContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("webhooks");

    @BeforeEach
    void empty() {
        database.database().execute("DELETE FROM webhook_subscription; DELETE FROM webhook_delivery; DELETE FROM outbox_event");
    }

    @Override
    protected EventOutbox outbox() {
        return new EventOutboxAdapter(database.em());
    }

    @Override
    protected WebhookSubscriptions subscriptions() {
        return new WebhookSubscriptionsAdapter(database.em());
    }

    @Override
    protected WebhookDeliveries deliveries() {
        return new WebhookDeliveriesAdapter(database.em());
    }
}
