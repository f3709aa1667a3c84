package org.milkmobs.adapters.persistence.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The production persistence unit, run outside the server: same entities and settings, but with a
 * resource-local transaction over a plain DataSource instead of JTA. Each EntityManager holds one
 * connection for its lifetime, as a pooled connection would be reused in the server (a plain
 * DataSource would otherwise open and authenticate a new connection per transaction).
 */
public final class JpaTestSupport implements AutoCloseable {

    private final EntityManagerFactory factory;

    public JpaTestSupport(DataSource dataSource) {
        this.factory = Persistence.createEntityManagerFactory("milkmobs", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "hibernate.connection.datasource", dataSource,
                "hibernate.transaction.jta.platform", "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform",
                "hibernate.connection.handling_mode", "DELAYED_ACQUISITION_AND_HOLD"));
    }

    public EntityManager newEntityManager() {
        return factory.createEntityManager();
    }

    /** Runs {@code work} in its own transaction on {@code em}; commits, or rolls back when it throws. */
    public static <T> T inTransaction(EntityManager em, Function<EntityManager, T> work) {
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        try {
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.clear();
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
