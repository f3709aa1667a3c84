package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.pipeline.JobSignals;

class InMemoryJobSignalsTest extends JobSignalsContract {

    private final InMemoryJobSignals signals = new InMemoryJobSignals();

    @Override
    protected JobSignals signals() {
        return signals;
    }

    @Override
    protected void enqueueAJob() {
        signals.jobsAvailable();
    }
}
