package org.milkmobs.adapters.persistence.pipeline;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.domain.pipeline.HistoryEventType;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.pipeline.WorkflowStatus;
import org.milkmobs.domain.video.VideoId;

/** Workflows, the scheduling of their jobs, and their history, in SQL. */
@Dependent
class WorkflowAdapter implements WorkflowPort {

    private static final String START = """
            INSERT INTO workflow (video_id, status, run, started_at) VALUES (?, 'RUNNING', 1, ?)
            ON CONFLICT (video_id) DO UPDATE
                SET status = 'RUNNING', run = workflow.run + 1, reason = NULL, started_at = EXCLUDED.started_at, finished_at = NULL
            RETURNING run
            """;

    private static final String ENQUEUE = """
            WITH inserted AS (
                INSERT INTO job (video_id, step, state, max_attempts, run_at, created_at, updated_at)
                VALUES (?, ?, 'AVAILABLE', ?, ?, ?, ?)
                ON CONFLICT (video_id, step) DO NOTHING
                RETURNING video_id, step
            )
            """ + WorkflowEvents.eachRowOf("inserted", HistoryEventType.TaskScheduled).withoutAttempt();

    /** {@link #ENQUEUE} for several steps of a video (the parallel branches after preflight): one statement. */
    private static final String ENQUEUE_ALL = """
            WITH inserted AS (
                INSERT INTO job (video_id, step, state, max_attempts, run_at, created_at, updated_at)
                SELECT ?, step, 'AVAILABLE', ?, ?, ?, ? FROM unnest(?::text[]) WITH ORDINALITY AS s(step, n) ORDER BY n
                ON CONFLICT (video_id, step) DO NOTHING
                RETURNING video_id, step
            )
            """ + WorkflowEvents.eachRowOf("inserted", HistoryEventType.TaskScheduled).withoutAttempt();

    private static final String CANCEL_UNFINISHED = """
            WITH cancelled AS (
                UPDATE job SET state = 'CANCELLED', lease_owner = NULL, lease_expires_at = NULL, finished_at = ?, updated_at = ?
                WHERE video_id = ? AND state IN ('AVAILABLE', 'RUNNING')
                RETURNING video_id, step, attempt
            ), logged AS (
            """ + WorkflowEvents.eachRowOf("cancelled", HistoryEventType.TaskCancelled) + """
            )
            SELECT count(*) FROM cancelled
            """;

    private final Sql sql;

    @Inject
    WorkflowAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public void start(VideoId video, int maxAttempts, Instant now) {
        int run = sql.query(START, row -> row.getInt("run"), video.value(), now).get(0);
        sql.update("DELETE FROM job WHERE video_id = ?", video.value());
        record(video, run == 1 ? HistoryEventType.ExecutionStarted : HistoryEventType.ExecutionRedriven, null,
                Map.of("run", Integer.toString(run)), now);
        enqueue(video, PipelineStep.first(), maxAttempts, now, now);
    }

    @Override
    public boolean enqueue(VideoId video, PipelineStep step, int maxAttempts, Instant runAt, Instant now) {
        return sql.update(ENQUEUE, video.value(), step.wireName(), maxAttempts, runAt, now, now, now) == 1;
    }

    @Override
    public void enqueueAll(VideoId video, Collection<PipelineStep> steps, int maxAttempts, Instant runAt, Instant now) {
        if (steps.size() == 1) {
            enqueue(video, steps.iterator().next(), maxAttempts, runAt, now);
        } else if (!steps.isEmpty()) {
            sql.update(ENQUEUE_ALL, video.value(), maxAttempts, runAt, now, now,
                    steps.stream().map(PipelineStep::wireName).toArray(String[]::new), now);
        }
    }

    /**
     * Two statements on purpose: after waiting for the lock, the second reads the jobs in a fresh snapshot
     * (one statement would read them as they were before the wait, and two racing branches could both miss
     * the join). NO KEY UPDATE, because every event insert holds a KEY SHARE lock on the workflow row
     * through its foreign key; FOR UPDATE would conflict with that and deadlock two finishing branches.
     */
    @Override
    public Optional<WorkflowState> lock(VideoId video) {
        List<WorkflowStatus> status = sql.query("SELECT status FROM workflow WHERE video_id = ? FOR NO KEY UPDATE",
                row -> WorkflowStatus.valueOf(row.getString("status")), video.value());
        if (status.isEmpty()) {
            return Optional.empty();
        }
        Map<PipelineStep, JobState> jobs = new EnumMap<>(PipelineStep.class);
        sql.query("SELECT step, state FROM job WHERE video_id = ?", row -> {
            jobs.put(PipelineStep.fromWireName(row.getString("step")), JobState.valueOf(row.getString("state")));
            return null;
        }, video.value());
        return Optional.of(new WorkflowState(video, status.get(0), jobs));
    }

    @Override
    public void finish(VideoId video, WorkflowStatus status, String reason, Instant now) {
        // the status is checked before the write: a RUNNING workflow with a finish time breaks a table constraint
        HistoryEventType type = switch (status) {
            case SUCCEEDED -> HistoryEventType.ExecutionSucceeded;
            case FAILED -> HistoryEventType.ExecutionFailed;
            case CANCELLED -> HistoryEventType.ExecutionAborted;
            case RUNNING -> throw new IllegalArgumentException("finish needs a final status");
        };
        sql.update("UPDATE workflow SET status = ?, reason = ?, finished_at = ? WHERE video_id = ?",
                status.name(), reason, now, video.value());
        record(video, type, null, reason == null ? Map.of() : Map.of("reason", reason), now);
    }

    @Override
    public int cancelUnfinished(VideoId video, Instant now) {
        return sql.query(CANCEL_UNFINISHED, row -> row.getInt(1), now, now, video.value(), now).get(0);
    }

    @Override
    public void record(VideoId video, HistoryEventType type, PipelineStep step, Map<String, String> details, Instant now) {
        WorkflowEvents.record(sql, video, type, step, details, now);
    }

}
