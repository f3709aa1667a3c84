package org.milkmobs.adapters.persistence.apikey;

import jakarta.persistence.EntityManager;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.milkmobs.adapters.persistence.testing.JpaTestSupport;
import org.milkmobs.adapters.persistence.testing.TestDatabase;
import org.milkmobs.application.port.out.apikey.ApiKeyStore;
import org.milkmobs.application.testing.ApiKeyStoreContract;

/** The API key store contract, on a real PostgreSQL. */
class SqlApiKeyStoreTest extends ApiKeyStoreContract {

    private static JpaTestSupport jpa;
    private static EntityManager em;
    private static ApiKeyStoreAdapter adapter;

    @BeforeAll
    static void startDatabase() {
        jpa = new JpaTestSupport(TestDatabase.create("api_key_store").dataSource());
        em = jpa.newEntityManager();
        adapter = new ApiKeyStoreAdapter(em);
    }

    @AfterAll
    static void close() {
        em.close();
        jpa.close();
    }

    @Override
    protected ApiKeyStore store() {
        return adapter;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return JpaTestSupport.inTransaction(em, ignored -> work.get());
    }
}
