package org.milkmobs.application.testing;

import org.junit.jupiter.api.Nested;

/** The three mob port contracts on the in-memory twin, a fresh one per test. */
class InMemoryMobsTest {

    @Nested
    class Loading extends LoadMobsContract {
        private final InMemoryMobs mobs = new InMemoryMobs();

        @Override
        protected World world() {
            return () -> Ports.of(mobs);
        }
    }

    @Nested
    class Membership extends MobMembershipContract {
        private final InMemoryMobs mobs = new InMemoryMobs();

        @Override
        protected World world() {
            return () -> Ports.of(mobs);
        }
    }

    @Nested
    class Clustering extends MobClusteringContract {
        private final InMemoryMobs mobs = new InMemoryMobs();

        @Override
        protected World world() {
            return () -> Ports.of(mobs);
        }
    }
}
