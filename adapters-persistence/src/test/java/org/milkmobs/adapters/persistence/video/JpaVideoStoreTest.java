package org.milkmobs.adapters.persistence.video;

import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.application.testing.VideoStoreContract;

/** The video storage contract, on JPA and a real PostgreSQL. */
class JpaVideoStoreTest extends VideoStoreContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("video_store");

    private static VideoPersistenceAdapter adapter;

    @BeforeAll
    static void open() {
        adapter = new VideoPersistenceAdapter(database.em());
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
        return database.inTransaction(work);
    }
}
