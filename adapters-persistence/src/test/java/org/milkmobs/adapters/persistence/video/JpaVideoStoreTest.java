package org.milkmobs.adapters.persistence.video;

import jakarta.persistence.EntityManager;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.milkmobs.adapters.persistence.testing.JpaTestSupport;
import org.milkmobs.adapters.persistence.testing.TestDatabase;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.application.testing.VideoStoreContract;

/** The video storage contract, on JPA and a real PostgreSQL. */
class JpaVideoStoreTest extends VideoStoreContract {

    private static JpaTestSupport jpa;
    private static EntityManager em;
    private static VideoPersistenceAdapter adapter;

    @BeforeAll
    static void startDatabase() {
        jpa = new JpaTestSupport(TestDatabase.create("video_store").dataSource());
        em = jpa.newEntityManager();
        adapter = new VideoPersistenceAdapter(em);
    }

    @AfterAll
    static void close() {
        em.close();
        jpa.close();
    }

    @Override
    protected LoadVideoPort load() {
        return adapter;
    }

    @Override
    protected SaveVideoPort save() {
        return adapter;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return JpaTestSupport.inTransaction(em, ignored -> work.get());
    }
}
