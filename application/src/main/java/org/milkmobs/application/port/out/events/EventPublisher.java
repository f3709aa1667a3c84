package org.milkmobs.application.port.out.events;

/** Delivers an event from the outbox to whoever listens; throwing leaves it in the outbox for the next round. */
@FunctionalInterface
public interface EventPublisher {

    void publish(EventOutbox.OutboxEvent event);
}
