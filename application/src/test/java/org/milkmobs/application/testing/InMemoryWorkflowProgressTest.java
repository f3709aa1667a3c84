package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.application.port.out.pipeline.WorkflowProgressPort;
import org.milkmobs.domain.video.VideoId;

class InMemoryWorkflowProgressTest extends WorkflowProgressContract {

    private final InMemoryWorkflows workflows = new InMemoryWorkflows();

    @Override
    protected WorkflowPort workflows() {
        return workflows;
    }

    @Override
    protected WorkflowProgressPort progress() {
        return workflows;
    }

    @Override
    protected VideoId storedVideo() {
        return VideoId.generate();
    }
}
