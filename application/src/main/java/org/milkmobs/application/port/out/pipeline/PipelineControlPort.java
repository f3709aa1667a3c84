package org.milkmobs.application.port.out.pipeline;

import java.util.Set;
import org.milkmobs.domain.pipeline.PipelineStep;

/** Which steps an admin has paused; shared by every instance through the database. */
public interface PipelineControlPort {

    Set<PipelineStep> pausedSteps();

    void pause(PipelineStep step);

    void resume(PipelineStep step);
}
