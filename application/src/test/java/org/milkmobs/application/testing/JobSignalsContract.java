package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.pipeline.JobSignals;

/** Idle workers are woken by an enqueue, not by their poll; run on the twin and on PostgreSQL. */
public abstract class JobSignalsContract {

    /** Far longer than any poll interval: a wait that returns true before it was woken, not timed out. */
    protected static final Duration POLL = Duration.ofMinutes(1);

    protected abstract JobSignals signals();

    /** Makes a job claimable now, committed, the way the engine enqueues one. */
    protected abstract void enqueueAJob();

    /** Consumes what earlier tests (or the first connect, which cannot tell what it missed) left signalled. */
    @BeforeEach
    protected void settle() throws InterruptedException {
        for (int i = 0; i < 50 && signals().awaitJobs(Duration.ofMillis(200)); i++) {
            // a signal left over: take it
        }
    }

    @Test
    void aWaitingWorkerIsWokenByAnEnqueue() throws Exception {
        CompletableFuture<Boolean> woken = waitInTheBackground();

        enqueueAJob();

        assertThat(woken.get(POLL.toSeconds() * 2, TimeUnit.SECONDS)).as("woken by the enqueue, not timed out").isTrue();
    }

    @Test
    void anEnqueueWhileTheWorkerWasBusyWakesItsNextWait() throws Exception {
        enqueueAJob();

        assertThat(signals().awaitJobs(POLL)).isTrue();
    }

    @Test
    void withoutAnEnqueueAWaitEndsUnwokenAtItsTimeout() throws Exception {
        assertThat(signals().awaitJobs(Duration.ofMillis(300))).isFalse();
    }

    protected CompletableFuture<Boolean> waitInTheBackground() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return signals().awaitJobs(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        });
    }
}
