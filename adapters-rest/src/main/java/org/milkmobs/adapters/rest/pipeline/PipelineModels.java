package org.milkmobs.adapters.rest.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milkmobs.domain.pipeline.HistoryEvent;
import org.milkmobs.domain.pipeline.JobRecord;
import org.milkmobs.domain.pipeline.QueueStats;

/** The pipeline's web models. */
public final class PipelineModels {

    private PipelineModels() {
    }

    @Schema(name = "HistoryEvent", description = "A workflow history event, shaped like AWS Step Functions' history events")
    public record HistoryEventResponse(@Schema(required = true) int id, @Schema(required = true) int previousEventId,
                                       @Schema(required = true) Instant timestamp, @Schema(required = true) String type,
                                       @Schema(nullable = true) String step, @Schema(nullable = true) Integer attempt,
                                       @Schema(required = true) Map<String, String> details) {
        static HistoryEventResponse from(HistoryEvent e) {
            return new HistoryEventResponse(e.id(), e.previousEventId(), e.timestamp(), e.type().name(),
                    e.step() == null ? null : e.step().wireName(), e.attempt(), e.details());
        }
    }

    @Schema(name = "ExecutionHistory")
    public record ExecutionHistoryResponse(@Schema(required = true, format = "uuid") String videoId,
                                           @Schema(required = true) List<HistoryEventResponse> events) {
    }

    @Schema(name = "Job")
    public record JobResponse(@Schema(required = true) long id, @Schema(required = true, format = "uuid") String videoId,
                              @Schema(required = true) String step,
                              @Schema(required = true, type = SchemaType.STRING,
                                      enumeration = {"AVAILABLE", "RUNNING", "COMPLETED", "DEAD", "CANCELLED"}) String state,
                              @Schema(required = true) int attempts, @Schema(required = true) int maxAttempts,
                              @Schema(required = true) Instant runAt, @Schema(nullable = true) String leaseOwner,
                              @Schema(nullable = true) Instant leaseExpiresAt, @Schema(nullable = true) String lastError,
                              @Schema(required = true) Instant createdAt, @Schema(required = true) Instant updatedAt,
                              @Schema(nullable = true) Instant finishedAt) {
        static JobResponse from(JobRecord j) {
            return new JobResponse(j.id(), j.videoId().toString(), j.step().wireName(), j.state().name(), j.attemptsUsed(),
                    j.attemptsAllowed(), j.runAt(), j.leaseOwner(), j.leaseExpiresAt(), j.lastError(), j.createdAt(), j.updatedAt(),
                    j.finishedAt());
        }
    }

    @Schema(name = "JobPage")
    public record JobPageResponse(@Schema(required = true) List<JobResponse> items, @Schema(nullable = true) String nextCursor) {
    }

    @Schema(name = "Queue", description = "One step's queue: jobs by state and how long the oldest due job has waited")
    public record QueueResponse(@Schema(required = true) String step, @Schema(required = true) Map<String, Long> counts,
                                @Schema(required = true) double oldestWaitingSeconds, @Schema(required = true) boolean paused) {
        static QueueResponse from(QueueStats q) {
            Map<String, Long> counts = new java.util.LinkedHashMap<>();
            q.counts().forEach((state, count) -> counts.put(state.name(), count));
            return new QueueResponse(q.step().wireName(), counts, q.oldestWaiting().toMillis() / 1000.0, q.paused());
        }
    }

    @Schema(name = "Queues")
    public record QueuesResponse(@Schema(required = true) List<QueueResponse> queues) {
    }
}
