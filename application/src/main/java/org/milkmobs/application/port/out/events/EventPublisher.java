package org.milkmobs.application.port.out.events;

import org.milkmobs.domain.events.PublishedEvent;

/** Delivers an event from the outbox to whoever listens; throwing leaves it in the outbox for the next round. */
@FunctionalInterface
public interface EventPublisher {

    void publish(PublishedEvent event);
}
