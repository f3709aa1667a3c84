package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.search.QueryEmbeddingCache;

class InMemoryQueryEmbeddingCacheTest extends QueryEmbeddingCacheContract {

    private final InMemoryQueryEmbeddingCache cache = new InMemoryQueryEmbeddingCache();

    @Override
    protected QueryEmbeddingCache cache() {
        return cache;
    }
}
