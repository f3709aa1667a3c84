package org.milkmobs.adapters.persistence.mob;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.persistence.testing.PersistenceTest;
import org.milkmobs.domain.mob.ReclusterRun;

class ReclusterRunsTest extends PersistenceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final ReclusterRunsAdapter runs = new ReclusterRunsAdapter(em);

    @Test
    void onlyOneRunRunsAndOnlyOneInstanceExecutesIt() {
        ReclusterRun first = tx(() -> runs.startOrGetRunning("admin:root", NOW));
        ReclusterRun second = tx(() -> runs.startOrGetRunning("schedule", NOW.plusSeconds(1)));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(tx(() -> runs.claimQueued(NOW))).contains(first.id());
        assertThat(tx(() -> runs.claimQueued(NOW))).as("claimed already").isEmpty();

        txRun(() -> runs.progress(first.id(), "clustering", 0.5, NOW.plusSeconds(2)));
        assertThat(tx(() -> runs.find(first.id()))).map(ReclusterRun::progress).contains(0.5);
        txRun(() -> runs.succeed(first.id(), 8, 12.5, 100, 3, NOW.plusSeconds(3)));

        ReclusterRun done = tx(runs::latest).orElseThrow();
        assertThat(done.status()).isEqualTo("SUCCEEDED");
        assertThat(done.k()).isEqualTo(8);
        assertThat(done.moved()).isEqualTo(3);
        assertThat(tx(() -> runs.startOrGetRunning("schedule", NOW.plusSeconds(4))).id()).isNotEqualTo(first.id());
    }

    @Test
    void aRunWhoseInstanceDiedIsFailedSoItNoLongerBlocks() {
        ReclusterRun run = tx(() -> runs.startOrGetRunning("schedule", NOW));
        tx(() -> runs.claimQueued(NOW));

        assertThat(tx(() -> runs.failStale(NOW.minusSeconds(1), NOW))).isZero();
        assertThat(tx(() -> runs.failStale(NOW.plus(Duration.ofMinutes(1)), NOW.plus(Duration.ofMinutes(1))))).isEqualTo(1);
        assertThat(tx(() -> runs.find(run.id()))).map(ReclusterRun::status).contains("FAILED");
    }
}
