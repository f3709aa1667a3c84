package org.milkmobs.adapters.persistence.pipeline;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.adapters.persistence.video.VideoStorageForTests;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.application.port.out.pipeline.WorkflowProgressPort;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.application.testing.WorkflowProgressContract;
import org.milkmobs.domain.video.VideoId;

/** The workflow progress contract on PostgreSQL: the job table and workflow rows the pipeline writes. */
class PostgresWorkflowProgressTest extends WorkflowProgressContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("workflow_progress");

    @Override
    protected WorkflowPort workflows() {
        return new WorkflowAdapter(database.em());
    }

    @Override
    protected WorkflowProgressPort progress() {
        return new PipelineAdminAdapter(database.em());
    }

    @Override
    protected VideoId storedVideo() {
        return inTransaction(() -> VideoStorageForTests.adapter(database.em()).saveVideo(TestVideos.submitted("owner")).id());
    }
}
