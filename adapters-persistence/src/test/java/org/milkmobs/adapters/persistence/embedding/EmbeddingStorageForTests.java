package org.milkmobs.adapters.persistence.embedding;

import jakarta.persistence.EntityManager;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;

/** Lets tests in other packages of this module build the (package-private) embedding adapter. */
public final class EmbeddingStorageForTests {

    private EmbeddingStorageForTests() {
    }

    public static EmbeddingStore adapter(EntityManager em) {
        return new EmbeddingSqlAdapter(em);
    }
}
