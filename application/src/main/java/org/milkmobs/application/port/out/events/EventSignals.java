package org.milkmobs.application.port.out.events;

import java.time.Duration;

/**
 * Wake-ups across instances: events were appended to the outbox (a relay should publish them), or events
 * were published (streams should read them). A signal may be missed or spurious; callers re-check the
 * store, so polling at the timeout is always the fallback.
 */
public interface EventSignals {

    /**
     * Waits at most {@code timeout} until events may have been appended since this thread's previous wait returned (its
     * first wait: since the call); true when signalled.
     */
    boolean awaitAppended(Duration timeout) throws InterruptedException;

    /** As {@link #awaitAppended}, for published events. */
    boolean awaitPublished(Duration timeout) throws InterruptedException;
}
