package org.milkmobs.adapters.persistence.search;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.application.port.out.search.QueryEmbeddingCache;
import org.milkmobs.application.testing.QueryEmbeddingCacheContract;

/** The query embedding cache contract on PostgreSQL: half-precision vectors keyed by the key's SHA-256. */
class PostgresQueryEmbeddingCacheTest extends QueryEmbeddingCacheContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("query_embedding_cache");

    @Override
    protected QueryEmbeddingCache cache() {
        return new QueryEmbeddingCacheAdapter(database.em());
    }
}
