package org.milkmobs.adapters.persistence.embedding;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.analysis.AnalysisStorageForTests;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.adapters.persistence.video.VideoStorageForTests;
import org.milkmobs.application.port.out.analysis.AnalysisStore;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.application.testing.AnalysisAndEmbeddingStoreContract;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.video.VideoId;

class SqlAnalysisAndEmbeddingStoreTest extends AnalysisAndEmbeddingStoreContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("embeddings");

    @Override
    protected AnalysisStore analyses() {
        return AnalysisStorageForTests.adapter(database.em());
    }

    @Override
    protected EmbeddingStore embeddings() {
        return new EmbeddingSqlAdapter(database.em());
    }

    @Override
    protected VideoId aVideo() {
        return inTransaction(() -> VideoStorageForTests.adapter(database.em()).saveVideo(TestVideos.submitted("owner")).id());
    }
}
