package org.milkmobs.adapters.persistence.search;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.embedding.EmbeddingStorageForTests;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.adapters.persistence.video.VideoStorageForTests;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.application.port.out.search.SimilarReadPort;
import org.milkmobs.application.testing.SimilarReadContract;

/** The similar-videos reads' contract on PostgreSQL: the source with its vectors in one statement, a page's cards and clips in one round trip. */
class PostgresSimilarReadTest extends SimilarReadContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("similar_read");

    @Override
    protected SimilarReadPort reader() {
        return new SimilarReadSqlAdapter(database.em());
    }

    @Override
    protected SaveVideoPort videos() {
        return VideoStorageForTests.adapter(database.em());
    }

    @Override
    protected EmbeddingStore embeddings() {
        return EmbeddingStorageForTests.adapter(database.em());
    }
}
