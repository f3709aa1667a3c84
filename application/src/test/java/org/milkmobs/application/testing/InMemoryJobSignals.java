package org.milkmobs.application.testing;

import java.time.Duration;
import org.milkmobs.application.port.out.pipeline.JobSignals;

/** The twin of the LISTEN connection: {@link #jobsAvailable} is what a committed enqueue's NOTIFY does. */
public class InMemoryJobSignals implements JobSignals {

    private boolean signalled;

    public synchronized void jobsAvailable() {
        signalled = true;
        notifyAll();
    }

    @Override
    public synchronized boolean awaitJobs(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!signalled) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        signalled = false;
        return true;
    }
}
