package org.milkmobs.application.port.out.events;

import java.time.Instant;
import org.milkmobs.domain.pipeline.PipelineStep;

/** Which steps are known to be stalled, so a stall is announced once (across instances) until the step recovers. */
public interface StallMarks {

    /** Marks the step stalled; true only for the caller that marked it (it was not marked before). */
    boolean mark(PipelineStep step, Instant since);

    /** The step recovered: forgets its mark; true when there was one. */
    boolean clear(PipelineStep step);
}
