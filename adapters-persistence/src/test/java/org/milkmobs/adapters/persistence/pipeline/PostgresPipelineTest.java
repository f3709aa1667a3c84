package org.milkmobs.adapters.persistence.pipeline;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.adapters.persistence.video.VideoStorageForTests;
import org.milkmobs.application.testing.JobQueueContract;
import org.milkmobs.application.testing.PipelinePortsFixture.Store;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.application.testing.WorkflowContract;

/**
 * The job queue and workflow contracts on PostgreSQL: claims with SKIP LOCKED, every write fenced by the lease's attempt;
 * the workflow row and its jobs, locked FOR NO KEY UPDATE. Each suite has a database of its own, so neither claims the
 * jobs the other's tests leave.
 */
class PostgresPipelineTest {

    /** The adapters on {@code database}; a stored video is saved in a transaction of its own. */
    private static Store sql(ContractDatabase database) {
        return new Store(new JobQueueAdapter(database.em()), new WorkflowAdapter(database.em()),
                () -> database.inTransaction(() -> VideoStorageForTests.adapter(database.em()).saveVideo(TestVideos.submitted("owner")).id()));
    }

    @Nested
    class Queue extends JobQueueContract {

        @RegisterExtension
        static final ContractDatabase database = new ContractDatabase("job_queue");

        @Override
        protected Store store() {
            return sql(database);
        }
    }

    @Nested
    class Workflow extends WorkflowContract {

        @RegisterExtension
        static final ContractDatabase database = new ContractDatabase("workflow");

        @Override
        protected Store store() {
            return sql(database);
        }
    }
}
