package org.milkmobs.adapters.persistence.housekeeping;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.housekeeping.HousekeeperTerms;

/** The term is one row; a single upsert decides who holds it, so two instances asking at once cannot both win. */
@Dependent
class HousekeeperTermsAdapter implements HousekeeperTerms {

    private static final String HOLD = """
            INSERT INTO housekeeper_term (singleton, holder, until) VALUES (true, ?, ?)
            ON CONFLICT (singleton) DO UPDATE SET holder = EXCLUDED.holder, until = EXCLUDED.until
            WHERE housekeeper_term.holder = EXCLUDED.holder OR housekeeper_term.until < ?
            """;

    private final Sql sql;

    @Inject
    HousekeeperTermsAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public boolean holdUntil(String instance, Instant now, Instant until) {
        return sql.update(HOLD, instance, until, now) == 1;
    }

    @Override
    public void resign(String instance) {
        sql.update("DELETE FROM housekeeper_term WHERE holder = ?", instance);
    }
}
