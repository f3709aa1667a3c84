package org.milkmobs.application.port.in.video;

/** Delivers the outbox's events, oldest first, each exactly once per successful delivery. */
public interface RelayEventsUseCase {

    /** @return how many events were delivered */
    int relay();
}
