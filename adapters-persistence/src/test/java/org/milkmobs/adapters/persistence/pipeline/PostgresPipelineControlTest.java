package org.milkmobs.adapters.persistence.pipeline;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.application.port.out.pipeline.PipelineControlPort;
import org.milkmobs.application.testing.PipelineControlContract;

/** The pipeline control contract on PostgreSQL: paused steps as rows every instance reads. */
class PostgresPipelineControlTest extends PipelineControlContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("pipeline_control");

    @Override
    protected PipelineControlPort control() {
        return new PipelineControlAdapter(database.em());
    }
}
