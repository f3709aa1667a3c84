package org.milkmobs.adapters.rest.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.milkmobs.domain.pipeline.HistoryEvent;
import org.milkmobs.domain.pipeline.JobRecord;
import org.milkmobs.domain.pipeline.QueueStats;

/** The pipeline's web models. */
public final class PipelineModels {

    private PipelineModels() {
    }

    public record HistoryEventResponse(int id, int previousEventId,
                                       Instant timestamp, String type,
                                       String step, Integer attempt,
                                       Map<String, String> details) {
        static HistoryEventResponse from(HistoryEvent e) {
            return new HistoryEventResponse(e.id(), e.previousEventId(), e.timestamp(), e.type().name(),
                    e.step() == null ? null : e.step().wireName(), e.attempt(), e.details());
        }
    }

    public record ExecutionHistoryResponse(String videoId,
                                           List<HistoryEventResponse> events) {
    }

    public record JobResponse(long id, String videoId,
                              String step,
                              String state,
                              int attempts, int maxAttempts,
                              Instant runAt, String leaseOwner,
                              Instant leaseExpiresAt, String lastError,
                              Instant createdAt, Instant updatedAt,
                              Instant finishedAt) {
        static JobResponse from(JobRecord j) {
            return new JobResponse(j.id(), j.videoId().toString(), j.step().wireName(), j.state().name(), j.attemptsUsed(),
                    j.attemptsAllowed(), j.runAt(), j.leaseOwner(), j.leaseExpiresAt(), j.lastError(), j.createdAt(), j.updatedAt(),
                    j.finishedAt());
        }
    }

    public record JobPageResponse(List<JobResponse> items, String nextCursor) {
    }

    public record QueueResponse(String step, Map<String, Long> counts,
                                double oldestWaitingSeconds, boolean paused) {
        static QueueResponse from(QueueStats q) {
            Map<String, Long> counts = new java.util.LinkedHashMap<>();
            q.counts().forEach((state, count) -> counts.put(state.name(), count));
            return new QueueResponse(q.step().wireName(), counts, q.oldestWaiting().toMillis() / 1000.0, q.paused());
        }
    }

    public record QueuesResponse(List<QueueResponse> queues) {
    }
}
