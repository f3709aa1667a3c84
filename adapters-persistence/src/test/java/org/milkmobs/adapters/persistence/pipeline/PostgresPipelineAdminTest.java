package org.milkmobs.adapters.persistence.pipeline;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.adapters.persistence.video.VideoStorageForTests;
import org.milkmobs.application.port.out.pipeline.JobQueuePort;
import org.milkmobs.application.port.out.pipeline.PipelineAdminPort;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.application.port.out.pipeline.WorkflowProgressPort;
import org.milkmobs.application.testing.PipelineAdminContract;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.video.VideoId;

/** The pipeline admin contract on PostgreSQL: the job, workflow and workflow_event tables the workers write. */
class PostgresPipelineAdminTest extends PipelineAdminContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("pipeline_admin");

    @Override
    protected PipelineAdminPort admin() {
        return new PipelineAdminAdapter(database.em());
    }

    @Override
    protected WorkflowProgressPort progress() {
        return new PipelineAdminAdapter(database.em());
    }

    @Override
    protected WorkflowPort workflows() {
        return new WorkflowAdapter(database.em());
    }

    @Override
    protected JobQueuePort queue() {
        return new JobQueueAdapter(database.em());
    }

    @Override
    protected VideoId storedVideo() {
        return inTransaction(() -> VideoStorageForTests.adapter(database.em()).saveVideo(TestVideos.submitted("owner")).id());
    }
}
