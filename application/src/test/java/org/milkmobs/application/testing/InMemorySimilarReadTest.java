package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.application.port.out.search.SimilarReadPort;

class InMemorySimilarReadTest extends SimilarReadContract {

    private final InMemoryVideoStore videos = new InMemoryVideoStore();
    private final InMemoryEmbeddingStore embeddings = new InMemoryEmbeddingStore();
    private final InMemorySimilarRead reader = new InMemorySimilarRead(videos, embeddings, new InMemoryVectorSearch(videos, embeddings),
            new InMemoryVideoDetails(videos, new InMemoryAnalysisStore(), new InMemoryMobs(), new InMemoryNearDuplicateStore()));

    @Override
    protected SimilarReadPort reader() {
        return reader;
    }

    @Override
    protected SaveVideoPort videos() {
        return videos;
    }

    @Override
    protected EmbeddingStore embeddings() {
        return embeddings;
    }
}
