package org.milkmobs.bootstrap.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.milkmobs.application.port.out.events.EventPublisher;
import org.milkmobs.domain.events.PublishedEvent;

/**
 * Publishes outbox events as asynchronous CDI events (as cargotracker does), where in-process listeners
 * (the log below, metrics) observe them.
 */
@ApplicationScoped
public class CdiEventPublisher implements EventPublisher {

    private static final Logger LOG = Logger.getLogger(CdiEventPublisher.class.getName());

    @Inject
    Event<PublishedEvent> events;

    @Override
    public void publish(PublishedEvent event) {
        events.fireAsync(event);
    }

    void log(@ObservesAsync PublishedEvent event) {
        LOG.fine(() -> event.sequence() + " " + event.type() + " " + event.resourceId() + " " + event.data());
    }
}
