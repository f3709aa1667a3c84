package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.analysis.AnalysisStore;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.domain.video.VideoId;

class InMemoryAnalysisAndEmbeddingStoreTest extends AnalysisAndEmbeddingStoreContract {

    private final InMemoryAnalysisStore analyses = new InMemoryAnalysisStore();
    private final InMemoryEmbeddingStore embeddings = new InMemoryEmbeddingStore();

    @Override
    protected AnalysisStore analyses() {
        return analyses;
    }

    @Override
    protected EmbeddingStore embeddings() {
        return embeddings;
    }

    @Override
    protected VideoId aVideo() {
        return VideoId.generate();
    }
}
