package org.milkmobs.adapters.persistence.embedding;

import jakarta.persistence.EntityManager;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.milkmobs.adapters.persistence.analysis.AnalysisStorageForTests;
import org.milkmobs.adapters.persistence.testing.JpaTestSupport;
import org.milkmobs.adapters.persistence.testing.TestDatabase;
import org.milkmobs.adapters.persistence.video.VideoStorageForTests;
import org.milkmobs.application.port.out.analysis.AnalysisStore;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.application.testing.AnalysisAndEmbeddingStoreContract;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.video.VideoId;

class SqlAnalysisAndEmbeddingStoreTest extends AnalysisAndEmbeddingStoreContract {

    private static JpaTestSupport jpa;
    private static EntityManager em;

    @BeforeAll
    static void start() {
        jpa = new JpaTestSupport(TestDatabase.create("embeddings").dataSource());
        em = jpa.newEntityManager();
    }

    @AfterAll
    static void stop() {
        em.close();
        jpa.close();
    }

    @Override
    protected AnalysisStore analyses() {
        return AnalysisStorageForTests.adapter(em);
    }

    @Override
    protected EmbeddingStore embeddings() {
        return new EmbeddingSqlAdapter(em);
    }

    @Override
    protected VideoId aVideo() {
        return inTransaction(() -> VideoStorageForTests.adapter(em).saveVideo(TestVideos.submitted("owner")).id());
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return JpaTestSupport.inTransaction(em, ignored -> work.get());
    }
}
