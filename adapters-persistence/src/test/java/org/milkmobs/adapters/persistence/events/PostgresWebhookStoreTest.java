package org.milkmobs.adapters.persistence.events;

import jakarta.persistence.EntityManager;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.milkmobs.adapters.persistence.testing.JpaTestSupport;
import org.milkmobs.adapters.persistence.testing.TestDatabase;
import org.milkmobs.application.port.out.events.EventOutbox;
import org.milkmobs.application.port.out.events.WebhookDeliveries;
import org.milkmobs.application.port.out.events.WebhookSubscriptions;
import org.milkmobs.application.testing.WebhookStoreContract;

/** The webhook store contract on PostgreSQL. */
class PostgresWebhookStoreTest extends WebhookStoreContract {

    private static TestDatabase database;
    private static JpaTestSupport jpa;
    private static EntityManager em;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.create("webhooks");
        jpa = new JpaTestSupport(database.dataSource());
        em = jpa.newEntityManager();
    }

    @AfterAll
    static void close() {
        em.close();
        jpa.close();
    }

    @BeforeEach
    void empty() {
        database.execute("DELETE FROM webhook_subscription; DELETE FROM webhook_delivery; DELETE FROM outbox_event");
    }

    @Override
    protected EventOutbox outbox() {
        return new EventOutboxAdapter(em);
    }

    @Override
    protected WebhookSubscriptions subscriptions() {
        return new WebhookSubscriptionsAdapter(em);
    }

    @Override
    protected WebhookDeliveries deliveries() {
        return new WebhookDeliveriesAdapter(em);
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return JpaTestSupport.inTransaction(em, ignored -> work.get());
    }
}
