package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.mob.ReclusterRuns;
import org.milkmobs.domain.mob.ReclusterRun;

/**
 * Re-clustering runs: at most one runs at a time, one instance claims the queued run, progress is the heartbeat and a
 * run whose heartbeat stopped fails, a finished run stays finished. Run on the twin and on PostgreSQL; each test
 * starts an hour after the previous one and fails whatever it left running, so the tests share one table.
 */
public abstract class ReclusterRunsContract extends ContractSuite {

    private static final AtomicLong HOURS = new AtomicLong();

    protected abstract ReclusterRuns runs();

    private final Instant now = Instant.parse("2026-12-04T10:00:00Z").plus(Duration.ofHours(HOURS.getAndIncrement()));

    @AfterEach
    void failWhatIsLeftRunning() {
        inTransaction(() -> runs().latest()).filter(run -> "RUNNING".equals(run.status()))
                .ifPresent(run -> run(() -> runs().fail(run.id(), "contract test over", now)));
    }

    @Test
    void aStartWhileARunRunsReturnsThatRunAndOneInstanceClaimsIt() {
        ReclusterRun started = inTransaction(() -> runs().startOrGetRunning("admin", now));
        assertThat(started.status()).isEqualTo("RUNNING");
        assertThat(started.phase()).isEqualTo("queued");
        assertThat(started.trigger()).isEqualTo("admin");

        assertThat(inTransaction(() -> runs().startOrGetRunning("schedule", now.plusSeconds(1))).id()).isEqualTo(started.id());
        assertThat(inTransaction(() -> runs().claimQueued(now.plusSeconds(2)))).contains(started.id());
        assertThat(inTransaction(() -> runs().claimQueued(now.plusSeconds(3)))).as("claimed once").isEmpty();
        assertThat(inTransaction(() -> runs().latest())).hasValueSatisfying(run -> assertThat(run.id()).isEqualTo(started.id()));
    }

    @Test
    void aSucceededRunKeepsItsFiguresAndTheNextStartIsANewRun() {
        UUID run = claimed();
        run(() -> runs().progress(run, "assigning", 0.5, now.plusSeconds(10)));
        assertThat(find(run).progress()).isEqualTo(0.5);
        run(() -> runs().succeed(run, 12, 3.5, 400, 17, now.plusSeconds(20)));

        ReclusterRun done = find(run);
        assertThat(done.status()).isEqualTo("SUCCEEDED");
        assertThat(done.finishedAt()).isEqualTo(now.plusSeconds(20));
        assertThat(done.k()).isEqualTo(12);
        assertThat(done.inertia()).isEqualTo(3.5);
        assertThat(done.videos()).isEqualTo(400);
        assertThat(done.moved()).isEqualTo(17);
        assertThat(done.progress()).isEqualTo(1.0);

        run(() -> runs().fail(run, "too late", now.plusSeconds(30)));
        run(() -> runs().progress(run, "assigning", 0.2, now.plusSeconds(30)));
        assertThat(find(run).status()).as("a finished run stays finished").isEqualTo("SUCCEEDED");
        assertThat(find(run).progress()).isEqualTo(1.0);
        assertThat(inTransaction(() -> runs().startOrGetRunning("admin", now.plusSeconds(40))).id()).isNotEqualTo(run);
    }

    @Test
    void aRunWhoseHeartbeatStoppedFailsButAQueuedRunWaits() {
        UUID run = claimed();
        run(() -> runs().progress(run, "assigning", 0.3, now.plusSeconds(60)));

        assertThat(inTransaction(() -> runs().failStale(now.plusSeconds(60), now.plusSeconds(90)))).isZero();
        assertThat(inTransaction(() -> runs().failStale(now.plusSeconds(61), now.plusSeconds(90)))).isEqualTo(1);

        ReclusterRun failed = find(run);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.finishedAt()).isEqualTo(now.plusSeconds(90));
        assertThat(failed.error()).contains("stopped reporting progress");

        ReclusterRun queued = inTransaction(() -> runs().startOrGetRunning("admin", now.plusSeconds(100)));
        assertThat(inTransaction(() -> runs().failStale(now.plus(Duration.ofMinutes(30)), now.plus(Duration.ofMinutes(30))))).isZero();
        assertThat(find(queued.id()).status()).isEqualTo("RUNNING");
    }

    @Test
    void aFailedRunRecordsItsErrorAndAnUnknownRunIsNotFound() {
        UUID run = claimed();
        run(() -> runs().fail(run, "no embeddings", now.plusSeconds(5)));

        assertThat(find(run).status()).isEqualTo("FAILED");
        assertThat(find(run).error()).isEqualTo("no embeddings");
        assertThat(inTransaction(() -> runs().find(UUID.randomUUID()))).isEmpty();
    }

    private UUID claimed() {
        inTransaction(() -> runs().startOrGetRunning("admin", now));
        return inTransaction(() -> runs().claimQueued(now)).orElseThrow();
    }

    private ReclusterRun find(UUID run) {
        return inTransaction(() -> runs().find(run)).orElseThrow();
    }

    private void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
