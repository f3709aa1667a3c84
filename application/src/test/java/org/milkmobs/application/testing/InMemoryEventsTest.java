package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.events.EventLog;
import org.milkmobs.application.port.out.events.EventOutbox;
import org.milkmobs.application.port.out.events.EventSignals;

class InMemoryEventsTest extends EventsContract {

    private final InMemoryEvents events = new InMemoryEvents();

    @Override
    protected EventOutbox outbox() {
        return events;
    }

    @Override
    protected EventLog log() {
        return events;
    }

    @Override
    protected EventSignals signals() {
        return events;
    }
}
