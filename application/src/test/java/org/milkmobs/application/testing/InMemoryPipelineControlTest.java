package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.pipeline.PipelineControlPort;

class InMemoryPipelineControlTest extends PipelineControlContract {

    private final InMemoryWorkflows workflows = new InMemoryWorkflows();

    @Override
    protected PipelineControlPort control() {
        return workflows;
    }
}
