package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.pipeline.JobQueuePort;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.domain.video.VideoId;

class InMemoryJobQueueTest extends JobQueueContract {

    private final InMemoryWorkflows workflows = new InMemoryWorkflows();

    @Override
    protected JobQueuePort queue() {
        return workflows;
    }

    @Override
    protected WorkflowPort workflows() {
        return workflows;
    }

    @Override
    protected VideoId storedVideo() {
        return VideoId.generate();
    }
}
