package org.milkmobs.adapters.persistence.duplicate;

import jakarta.persistence.EntityManager;
import org.milkmobs.application.port.out.duplicate.NearDuplicateStore;

/** Lets tests in other packages of this module build the (package-private) near-duplicate adapter. */
public final class NearDuplicateStorageForTests {

    private NearDuplicateStorageForTests() {
    }

    public static NearDuplicateStore adapter(EntityManager em) {
        return new NearDuplicateSqlAdapter(em);
    }
}
