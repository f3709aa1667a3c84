package org.milkmobs.adapters.persistence.mob;

import jakarta.persistence.EntityManager;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.milkmobs.adapters.persistence.testing.JpaTestSupport;
import org.milkmobs.adapters.persistence.testing.TestDatabase;
import org.milkmobs.adapters.persistence.video.VideoStorageForTests;
import org.milkmobs.application.testing.LoadMobsContract;
import org.milkmobs.application.testing.MobClusteringContract;
import org.milkmobs.application.testing.MobMembershipContract;
import org.milkmobs.application.testing.MobPortsFixture.Ports;
import org.milkmobs.application.testing.MobPortsFixture.World;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.video.VideoId;

/**
 * The three mob port contracts on the SQL adapter that implements them all; what only SQL does (concurrent joins and
 * foundings, the feed's numbering) is {@link MobStoreTest}'s.
 */
class PostgresMobPortsTest {

    private static JpaTestSupport jpa;
    private static EntityManager em;

    @BeforeAll
    static void startDatabase() {
        jpa = new JpaTestSupport(TestDatabase.create("mob_ports").dataSource());
        em = jpa.newEntityManager();
    }

    @AfterAll
    static void close() {
        em.close();
        jpa.close();
    }

    /** The adapter on the test database; each call of a contract runs in a transaction of its own. */
    private static final World SQL = new World() {
        @Override
        public Ports ports() {
            return Ports.of(new MobStoreAdapter(em));
        }

        @Override
        public VideoId newVideo() {
            return inTransaction(() -> VideoStorageForTests.adapter(em).saveVideo(TestVideos.submitted("owner")).id());
        }

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return JpaTestSupport.inTransaction(em, ignored -> work.get());
        }
    };

    @Nested
    class Loading extends LoadMobsContract {
        @Override
        protected World world() {
            return SQL;
        }
    }

    @Nested
    class Membership extends MobMembershipContract {
        @Override
        protected World world() {
            return SQL;
        }
    }

    @Nested
    class Clustering extends MobClusteringContract {
        @Override
        protected World world() {
            return SQL;
        }
    }
}
