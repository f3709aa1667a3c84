package org.milkmobs.adapters.persistence.usage;

import jakarta.persistence.EntityManager;
import org.milkmobs.adapters.persistence.testing.ResourceLocalTransactions;
import org.milkmobs.application.port.out.usage.UsageRecorder;

/** The usage recorder for tests in other packages, each record in its own transaction as in the app. */
public final class UsageStorageForTests {

    private UsageStorageForTests() {
    }

    public static UsageRecorder recorder(EntityManager em) {
        return ResourceLocalTransactions.wrap(UsageRecorder.class, new UsageRecorderAdapter(em), em);
    }
}
