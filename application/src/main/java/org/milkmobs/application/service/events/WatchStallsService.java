package org.milkmobs.application.service.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.milkmobs.application.port.in.events.WatchStallsUseCase;
import org.milkmobs.application.port.out.events.EventOutbox;
import org.milkmobs.application.port.out.events.StallMarks;
import org.milkmobs.application.port.out.pipeline.PipelineAdminPort;
import org.milkmobs.domain.events.EventType;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.pipeline.QueueStats;

/**
 * A step is stalled when its oldest waiting job is older than the configured age and the step is not paused (a
 * paused step waits on purpose). The first check that sees it announces it; the mark keeps later checks (on any
 * instance) quiet until the step recovers.
 */
public class WatchStallsService implements WatchStallsUseCase {

    private final PipelineAdminPort pipeline;
    private final StallMarks marks;
    private final EventOutbox outbox;
    private final Duration stallAfter;
    private final Clock clock;

    public WatchStallsService(PipelineAdminPort pipeline, StallMarks marks, EventOutbox outbox, Duration stallAfter, Clock clock) {
        this.pipeline = pipeline;
        this.marks = marks;
        this.outbox = outbox;
        this.stallAfter = stallAfter;
        this.clock = clock;
    }

    @Override
    public int check() {
        Instant now = clock.instant();
        int stalled = 0;
        for (QueueStats queue : pipeline.queueStats(now)) {
            if (!queue.paused() && queue.oldestWaiting().compareTo(stallAfter) > 0) {
                if (marks.mark(queue.step(), now.minus(queue.oldestWaiting()))) {
                    outbox.append(EventType.PIPELINE_STALLED.wireName(), queue.step().wireName(), Map.of("step", queue.step().wireName(),
                            "oldestWaitingSeconds", String.valueOf(queue.oldestWaiting().toSeconds()),
                            "waiting", String.valueOf(queue.counts().getOrDefault(JobState.AVAILABLE, 0L))), now);
                    stalled++;
                }
            } else {
                marks.clear(queue.step());
            }
        }
        return stalled;
    }
}
