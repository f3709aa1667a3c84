package org.milkmobs.adapters.persistence.events;

import jakarta.persistence.EntityManager;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.milkmobs.adapters.persistence.testing.JpaTestSupport;
import org.milkmobs.adapters.persistence.testing.TestDatabase;
import org.milkmobs.application.port.out.events.StallMarks;
import org.milkmobs.application.testing.StallMarksContract;

/** The stall marks contract on PostgreSQL. */
class PostgresStallMarksTest extends StallMarksContract {

    private static JpaTestSupport jpa;
    private static EntityManager em;

    @BeforeAll
    static void startDatabase() {
        jpa = new JpaTestSupport(TestDatabase.create("stall_marks").dataSource());
        em = jpa.newEntityManager();
    }

    @AfterAll
    static void close() {
        em.close();
        jpa.close();
    }

    @Override
    protected StallMarks marks() {
        return new StallMarksAdapter(em);
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return JpaTestSupport.inTransaction(em, ignored -> work.get());
    }
}
