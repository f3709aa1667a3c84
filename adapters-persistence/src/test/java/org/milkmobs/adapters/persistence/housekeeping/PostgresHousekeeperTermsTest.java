package org.milkmobs.adapters.persistence.housekeeping;

import jakarta.persistence.EntityManager;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.milkmobs.adapters.persistence.testing.JpaTestSupport;
import org.milkmobs.adapters.persistence.testing.TestDatabase;
import org.milkmobs.application.port.out.housekeeping.HousekeeperTerms;
import org.milkmobs.application.testing.HousekeeperTermsContract;

/** The housekeeper terms contract on PostgreSQL. */
class PostgresHousekeeperTermsTest extends HousekeeperTermsContract {

    private static JpaTestSupport jpa;
    private static EntityManager em;

    @BeforeAll
    static void startDatabase() {
        jpa = new JpaTestSupport(TestDatabase.create("housekeeper_terms").dataSource());
        em = jpa.newEntityManager();
    }

    @AfterAll
    static void close() {
        em.close();
        jpa.close();
    }

    @Override
    protected HousekeeperTerms terms() {
        return new HousekeeperTermsAdapter(em);
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return JpaTestSupport.inTransaction(em, ignored -> work.get());
    }
}
