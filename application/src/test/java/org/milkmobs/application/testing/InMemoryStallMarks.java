package org.milkmobs.application.testing;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.milkmobs.application.port.out.events.StallMarks;
import org.milkmobs.domain.pipeline.PipelineStep;

public class InMemoryStallMarks implements StallMarks {

    private final Map<PipelineStep, Instant> marks = new ConcurrentHashMap<>();

    @Override
    public boolean mark(PipelineStep step, Instant since) {
        return marks.putIfAbsent(step, since) == null;
    }

    @Override
    public boolean clear(PipelineStep step) {
        return marks.remove(step) != null;
    }
}
