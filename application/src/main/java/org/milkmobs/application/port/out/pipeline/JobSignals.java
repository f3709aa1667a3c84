package org.milkmobs.application.port.out.pipeline;

import java.time.Duration;

/**
 * Wake-ups for idle workers: a job became claimable (enqueued, released, rescued) somewhere in the cluster.
 * A signal is a hint that may be missed or spurious; workers claim to find out, and still poll at the timeout.
 */
public interface JobSignals {

    /**
     * Waits at most {@code timeout} for a sign that jobs became claimable since the previous wait returned;
     * true when one came, or when the signals cannot tell what happened meanwhile (after a reconnect).
     * Meant for one waiting thread per instance.
     */
    boolean awaitJobs(Duration timeout) throws InterruptedException;
}
