package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.pipeline.JobQueuePort;
import org.milkmobs.application.port.out.pipeline.PipelineAdminPort;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.application.port.out.pipeline.WorkflowProgressPort;
import org.milkmobs.domain.video.VideoId;

class InMemoryPipelineAdminTest extends PipelineAdminContract {

    private final InMemoryWorkflows workflows = new InMemoryWorkflows();

    @Override
    protected PipelineAdminPort admin() {
        return workflows;
    }

    @Override
    protected WorkflowProgressPort progress() {
        return workflows;
    }

    @Override
    protected WorkflowPort workflows() {
        return workflows;
    }

    @Override
    protected JobQueuePort queue() {
        return workflows;
    }

    @Override
    protected VideoId storedVideo() {
        return VideoId.generate();
    }
}
