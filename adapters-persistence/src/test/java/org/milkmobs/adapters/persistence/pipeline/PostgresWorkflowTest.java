package org.milkmobs.adapters.persistence.pipeline;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.adapters.persistence.video.VideoStorageForTests;
import org.milkmobs.application.port.out.pipeline.JobQueuePort;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.application.testing.WorkflowContract;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.video.VideoId;

/** The workflow contract on PostgreSQL: the workflow row and its jobs, locked FOR NO KEY UPDATE. */
class PostgresWorkflowTest extends WorkflowContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("workflow");

    @Override
    protected JobQueuePort queue() {
        return new JobQueueAdapter(database.em());
    }

    @Override
    protected WorkflowPort workflows() {
        return new WorkflowAdapter(database.em());
    }

    @Override
    protected VideoId storedVideo() {
        return inTransaction(() -> VideoStorageForTests.adapter(database.em()).saveVideo(TestVideos.submitted("owner")).id());
    }
}
