package org.milkmobs.domain.pipeline;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One event of a workflow's history, shaped like a Step Functions history event: ids count 1..n within
 * the workflow and {@code previousEventId} points at the event before (0 for the first).
 */
public record HistoryEvent(int id, int previousEventId, Instant timestamp, HistoryEventType type, PipelineStep step,
                           Integer attempt, Map<String, String> details) {

    public HistoryEvent {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(type, "type");
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }
}
