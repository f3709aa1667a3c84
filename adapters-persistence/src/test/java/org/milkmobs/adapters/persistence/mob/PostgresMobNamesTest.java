package org.milkmobs.adapters.persistence.mob;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.milkmobs.adapters.persistence.testing.JpaTestSupport;
import org.milkmobs.adapters.persistence.testing.TestDatabase;
import org.milkmobs.adapters.persistence.video.VideoStorageForTests;
import org.milkmobs.application.port.out.mob.MobNames;
import org.milkmobs.application.testing.MobNamesContract;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.mob.MembershipRule;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.video.VideoId;

/** The mob names contract on PostgreSQL. */
class PostgresMobNamesTest extends MobNamesContract {

    private static JpaTestSupport jpa;
    private static EntityManager em;

    @BeforeAll
    static void startDatabase() {
        jpa = new JpaTestSupport(TestDatabase.create("mob_names").dataSource());
        em = jpa.newEntityManager();
    }

    @AfterAll
    static void close() {
        em.close();
        jpa.close();
    }

    @Override
    protected MobNames names() {
        return new MobNamesAdapter(em);
    }

    @Override
    protected MobId aMob() {
        return inTransaction(() -> {
            VideoId video = VideoStorageForTests.adapter(em).saveVideo(TestVideos.submitted("owner")).id();
            // a space of its own, so each call founds a mob rather than joining the last one
            return new MobStoreAdapter(em).createMobFor(new MobSpace("names-" + video), video, new float[] {1, 0, 0, 0},
                    new MembershipRule(0.99, 100),
                    Instant.parse("2026-12-04T10:00:00Z"));
        });
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return JpaTestSupport.inTransaction(em, ignored -> work.get());
    }
}
