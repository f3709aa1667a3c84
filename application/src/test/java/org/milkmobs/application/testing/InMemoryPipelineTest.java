package org.milkmobs.application.testing;

import org.junit.jupiter.api.Nested;

/** The job queue and workflow contracts on the in-memory twin, a fresh one per test. */
class InMemoryPipelineTest {

    private final PipelinePortsFixture.Store twin = PipelinePortsFixture.Store.twin(new InMemoryWorkflows());

    @Nested
    class Queue extends JobQueueContract {
        @Override
        protected Store store() {
            return twin;
        }
    }

    @Nested
    class Workflow extends WorkflowContract {
        @Override
        protected Store store() {
            return twin;
        }
    }
}
