package org.milkmobs.adapters.persistence.gateway;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.milkmobs.adapters.persistence.testing.JpaTestSupport;
import org.milkmobs.adapters.persistence.testing.TestDatabase;
import org.milkmobs.application.port.out.gateway.VideoEmbeddingJobs;
import org.milkmobs.application.testing.VideoEmbeddingJobsContract;

/** The gateway's upload embedding jobs, on a real PostgreSQL. */
class SqlVideoEmbeddingJobsTest extends VideoEmbeddingJobsContract {

    private static JpaTestSupport jpa;
    private static EntityManager em;
    private static VideoEmbeddingJobsAdapter adapter;

    @BeforeAll
    static void startDatabase() {
        jpa = new JpaTestSupport(TestDatabase.create("gateway_video_jobs").dataSource());
        em = jpa.newEntityManager();
        adapter = new VideoEmbeddingJobsAdapter(em);
        // the jobs' keys exist, as the foreign key wants
        JpaTestSupport.inTransaction(em, ignored -> {
            for (String key : new String[] {"key-a", "key-b", "key-c"}) {
                em.createNativeQuery("INSERT INTO api_key (id, name, prefix, secret_hash, created_at) VALUES (?1, ?1, 'sk-mm-x', ?2, ?3)")
                        .setParameter(1, key).setParameter(2, "hash-" + key).setParameter(3, java.sql.Timestamp.from(Instant.now())).executeUpdate();
            }
            return null;
        });
    }

    @AfterAll
    static void close() {
        em.close();
        jpa.close();
    }

    @Override
    protected VideoEmbeddingJobs jobs() {
        return adapter;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return JpaTestSupport.inTransaction(em, ignored -> work.get());
    }
}
