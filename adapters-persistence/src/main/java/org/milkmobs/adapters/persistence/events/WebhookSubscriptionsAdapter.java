package org.milkmobs.adapters.persistence.events;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.events.WebhookSubscriptions;
import org.milkmobs.domain.events.WebhookSubscription;

@Dependent
class WebhookSubscriptionsAdapter implements WebhookSubscriptions {

    static final String COLUMNS = "s.id, s.url, s.event_types, s.active, s.description, s.secret, s.previous_secret, "
            + "s.previous_secret_until, s.created_by, s.created_at, s.updated_at";

    private final Sql sql;

    @Inject
    WebhookSubscriptionsAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public void save(WebhookSubscription s) {
        sql.update("""
                INSERT INTO webhook_subscription (id, url, event_types, active, description, secret, previous_secret, previous_secret_until,
                                                  created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET url = excluded.url, event_types = excluded.event_types, active = excluded.active,
                    description = excluded.description, secret = excluded.secret, previous_secret = excluded.previous_secret,
                    previous_secret_until = excluded.previous_secret_until, updated_at = excluded.updated_at
                """, s.id(), s.url().toString(), s.eventTypes().toArray(String[]::new), s.active(), s.description(), s.secret(),
                s.previousSecret(), s.previousSecretUntil(), s.createdBy(), s.createdAt(), s.updatedAt());
    }

    @Override
    public Optional<WebhookSubscription> find(UUID id) {
        return sql.query("SELECT " + COLUMNS + " FROM webhook_subscription s WHERE s.id = ?", WebhookSubscriptionsAdapter::subscription, id)
                .stream().findFirst();
    }

    @Override
    public List<WebhookSubscription> all() {
        return sql.query("SELECT " + COLUMNS + " FROM webhook_subscription s ORDER BY s.created_at, s.id", WebhookSubscriptionsAdapter::subscription);
    }

    @Override
    public boolean delete(UUID id) {
        return sql.update("DELETE FROM webhook_subscription WHERE id = ?", id) > 0;
    }

    static WebhookSubscription subscription(ResultSet row) throws SQLException {
        String[] types = (String[]) row.getArray("event_types").getArray();
        return new WebhookSubscription(Sql.uuid(row, "id"), URI.create(row.getString("url")), Set.of(types), row.getBoolean("active"),
                row.getString("description"), row.getString("secret"), row.getString("previous_secret"),
                Sql.instant(row, "previous_secret_until"), row.getString("created_by"), Sql.instant(row, "created_at"),
                Sql.instant(row, "updated_at"));
    }
}
