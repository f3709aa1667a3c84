package org.milkmobs.adapters.persistence.testing;

import jakarta.persistence.EntityManager;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the adapter tests: a fresh database per test class, one EntityManager, tables emptied before each
 * test, and helpers to run work in transactions.
 */
public abstract class PersistenceTest {

    protected static TestDatabase database;
    protected static JpaTestSupport jpa;
    protected static EntityManager em;

    @BeforeAll
    static void openDatabase(org.junit.jupiter.api.TestInfo info) {
        database = TestDatabase.create(info.getTestClass().map(Class::getSimpleName).orElse("adapter"));
        jpa = new JpaTestSupport(database.dataSource());
        em = jpa.newEntityManager();
    }

    @AfterAll
    static void closeDatabase() {
        em.close();
        jpa.close();
    }

    /** DELETE, not TRUNCATE: truncating re-initialises the HNSW indexes, which takes seconds. */
    @BeforeEach
    void emptyTables() {
        emptyAllTables(database);
    }

    public static void emptyAllTables(TestDatabase database) {
        database.execute("""
                DELETE FROM video; DELETE FROM campaign; DELETE FROM campaign_change; DELETE FROM campaign_reference;
                DELETE FROM mob; DELETE FROM mob_membership_change; DELETE FROM recluster_run; DELETE FROM blob_deletion;
                DELETE FROM idempotency_key; DELETE FROM outbox_event; DELETE FROM paused_step; DELETE FROM webhook_subscription;
                DELETE FROM model_usage; DELETE FROM budget_reservation; DELETE FROM budget_counter; DELETE FROM budget_limit;
                DELETE FROM budget_change; DELETE FROM budget_threshold_reached; DELETE FROM pipeline_stall
                """);
    }

    protected static <T> T tx(Supplier<T> work) {
        return JpaTestSupport.inTransaction(em, ignored -> work.get());
    }

    protected static void txRun(Runnable work) {
        JpaTestSupport.inTransaction(em, ignored -> {
            work.run();
            return null;
        });
    }

    protected static <T> T tx(EntityManager other, Function<EntityManager, T> work) {
        return JpaTestSupport.inTransaction(other, work);
    }
}
