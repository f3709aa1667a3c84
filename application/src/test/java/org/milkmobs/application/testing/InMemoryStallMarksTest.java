package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.events.StallMarks;

class InMemoryStallMarksTest extends StallMarksContract {

    private final InMemoryStallMarks marks = new InMemoryStallMarks();

    @Override
    protected StallMarks marks() {
        return marks;
    }
}
