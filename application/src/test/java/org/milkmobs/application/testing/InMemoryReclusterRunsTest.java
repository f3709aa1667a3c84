package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.mob.ReclusterRuns;

class InMemoryReclusterRunsTest extends ReclusterRunsContract {

    private final InMemoryReclusterRuns runs = new InMemoryReclusterRuns();

    @Override
    protected ReclusterRuns runs() {
        return runs;
    }
}
