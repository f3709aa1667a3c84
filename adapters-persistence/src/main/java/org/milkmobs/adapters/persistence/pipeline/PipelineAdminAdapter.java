package org.milkmobs.adapters.persistence.pipeline;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.milkmobs.adapters.persistence.JsonMaps;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.pipeline.PipelineAdminPort;
import org.milkmobs.application.port.out.pipeline.WorkflowProgressPort;
import org.milkmobs.domain.pipeline.HistoryEvent;
import org.milkmobs.domain.pipeline.HistoryEventType;
import org.milkmobs.domain.pipeline.JobRecord;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.pipeline.QueueStats;
import org.milkmobs.domain.pipeline.WorkflowProgress;
import org.milkmobs.domain.pipeline.WorkflowProgress.StepProgress;
import org.milkmobs.domain.pipeline.WorkflowStatus;
import org.milkmobs.domain.video.VideoId;

/** Reads and repairs of the job table for the admin API. */
@Dependent
class PipelineAdminAdapter implements PipelineAdminPort, WorkflowProgressPort {

    private static final String JOB_COLUMNS = """
            id, video_id, step, state, attempt - snoozes AS used, max_attempts - snoozes AS allowed, run_at, lease_owner,
            lease_expires_at, last_error, created_at, updated_at, finished_at
            """;

    private static final String REDRIVE_JOBS = """
            WITH redriven AS (
                UPDATE job SET state = 'AVAILABLE', max_attempts = attempt + ?, run_at = ?, finished_at = NULL, updated_at = ?
                WHERE video_id = ? AND state IN ('DEAD', 'CANCELLED')
                RETURNING video_id, step, attempt
            ), logged AS (
            """ + WorkflowEvents.eachRowOf("redriven", HistoryEventType.TaskRedriven) + """
            )
            SELECT count(*) FROM redriven
            """;

    private static final String PRUNE = """
            WITH old AS (
                SELECT video_id FROM workflow WHERE status = 'SUCCEEDED' AND finished_at < ?
            ), jobs AS (
                DELETE FROM job j USING old WHERE j.video_id = old.video_id RETURNING 1
            ), events AS (
                DELETE FROM workflow_event e USING old WHERE e.video_id = old.video_id RETURNING 1
            )
            SELECT (SELECT count(*) FROM jobs) + (SELECT count(*) FROM events)
            """;

    private final Sql sql;

    @Inject
    PipelineAdminAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public Optional<JobRecord> job(long id) {
        return sql.query("SELECT " + JOB_COLUMNS + " FROM job WHERE id = ?", PipelineAdminAdapter::jobRecord, id)
                .stream().findFirst();
    }

    @Override
    public List<JobRecord> jobs(Optional<JobState> state, Optional<PipelineStep> step, Optional<Long> beforeId, int limit) {
        String stateName = state.map(Enum::name).orElse(null);
        String stepName = step.map(PipelineStep::wireName).orElse(null);
        Long before = beforeId.orElse(null);
        return sql.query("SELECT " + JOB_COLUMNS + """
                        FROM job
                        WHERE (?::text IS NULL OR state = ?) AND (?::text IS NULL OR step = ?) AND (?::bigint IS NULL OR id < ?)
                        ORDER BY id DESC LIMIT ?
                        """, PipelineAdminAdapter::jobRecord,
                stateName, stateName, stepName, stepName, before, before, limit);
    }

    @Override
    public List<QueueStats> queueStats(Instant now) {
        Map<PipelineStep, Map<JobState, Long>> counts = new EnumMap<>(PipelineStep.class);
        Map<PipelineStep, Instant> oldest = new EnumMap<>(PipelineStep.class);
        sql.query("""
                SELECT step, state, count(*) AS jobs, min(run_at) FILTER (WHERE state = 'AVAILABLE' AND run_at <= ?) AS oldest_due
                FROM job GROUP BY step, state
                """, row -> {
            PipelineStep step = PipelineStep.fromWireName(row.getString("step"));
            counts.computeIfAbsent(step, s -> new EnumMap<>(JobState.class)).put(JobState.valueOf(row.getString("state")), row.getLong("jobs"));
            Instant due = Sql.instant(row, "oldest_due");
            if (due != null) {
                oldest.merge(step, due, (a, b) -> a.isBefore(b) ? a : b);
            }
            return null;
        }, now);
        Set<PipelineStep> paused = PipelineControlAdapter.pausedSteps(sql);
        List<QueueStats> stats = new ArrayList<>();
        for (PipelineStep step : PipelineStep.values()) {
            Map<JobState, Long> byState = new EnumMap<>(JobState.class);
            for (JobState state : JobState.values()) {
                byState.put(state, counts.getOrDefault(step, Map.of()).getOrDefault(state, 0L));
            }
            Duration waiting = oldest.containsKey(step) ? Duration.between(oldest.get(step), now) : Duration.ZERO;
            stats.add(new QueueStats(step, byState, waiting.isNegative() ? Duration.ZERO : waiting, paused.contains(step)));
        }
        return stats;
    }

    @Override
    public int redrive(VideoId video, int attempts, Instant now) {
        int redriven = sql.query(REDRIVE_JOBS, row -> row.getInt(1), attempts, now, now, video.value(), now).get(0);
        if (redriven > 0) {
            // a redrive is the workflow's next run, as a restart is (ADR 0005: the workflow's run counter)
            int run = sql.query("""
                    UPDATE workflow SET status = 'RUNNING', run = run + 1, reason = NULL, finished_at = NULL WHERE video_id = ?
                    RETURNING run
                    """, row -> row.getInt("run"), video.value()).get(0);
            WorkflowEvents.record(sql, video, HistoryEventType.ExecutionRedriven, null, Map.of("run", Integer.toString(run)), now);
        }
        return redriven;
    }

    /**
     * Events in the order they happened, numbered in that order. Parallel branches take their time before the
     * insert that assigns {@code seq}, so {@code seq} alone can put a later time before an earlier one; the time
     * orders, {@code seq} breaks ties (and keeps a transaction's own events in the order it wrote them).
     */
    @Override
    public List<HistoryEvent> history(VideoId video) {
        return sql.query("""
                SELECT row_number() OVER (ORDER BY at, seq) AS id, at, type, step, attempt, details::text AS details
                FROM workflow_event WHERE video_id = ? ORDER BY at, seq
                """, row -> {
            int id = row.getInt("id");
            String step = row.getString("step");
            int attempt = row.getInt("attempt");
            return new HistoryEvent(id, id - 1, Sql.instant(row, "at"), HistoryEventType.valueOf(row.getString("type")),
                    step == null ? null : PipelineStep.fromWireName(step), row.wasNull() ? null : attempt,
                    JsonMaps.fromJson(row.getString("details")));
        }, video.value());
    }

    @Override
    public Optional<WorkflowProgress> progress(VideoId video) {
        return Optional.ofNullable(progressOf(List.of(video)).get(video));
    }

    /** Two statements for any number of videos: their workflows, then their jobs. */
    @Override
    public Map<VideoId, WorkflowProgress> progressOf(Collection<VideoId> videos) {
        Map<VideoId, WorkflowProgress> progress = new HashMap<>();
        if (videos.isEmpty()) {
            return progress;
        }
        Object ids = videos.stream().map(VideoId::value).distinct().toArray(UUID[]::new);
        Map<VideoId, Object[]> workflows = new HashMap<>();
        sql.query("SELECT video_id, status, run, reason FROM workflow WHERE video_id = ANY(?)",
                row -> workflows.put(new VideoId(Sql.uuid(row, "video_id")),
                        new Object[] {WorkflowStatus.valueOf(row.getString("status")), row.getInt("run"), row.getString("reason")}), ids);
        if (workflows.isEmpty()) {
            return progress;
        }
        Map<VideoId, List<StepProgress>> stepsOf = new HashMap<>();
        sql.query("""
                SELECT video_id, step, state, attempt - snoozes AS used, max_attempts - snoozes AS allowed, last_error
                FROM job WHERE video_id = ANY(?)
                """, row -> stepsOf.computeIfAbsent(new VideoId(Sql.uuid(row, "video_id")), k -> new ArrayList<>())
                .add(new StepProgress(PipelineStep.fromWireName(row.getString("step")), JobState.valueOf(row.getString("state")),
                        row.getInt("used"), row.getInt("allowed"), row.getString("last_error"))), ids);
        workflows.forEach((video, workflow) -> progress.put(video, progress((WorkflowStatus) workflow[0], (Integer) workflow[1],
                (String) workflow[2], stepsOf.getOrDefault(video, List.of()))));
        return progress;
    }

    private static WorkflowProgress progress(WorkflowStatus status, int run, String reason, List<StepProgress> jobs) {
        List<StepProgress> steps = jobs.stream().sorted(java.util.Comparator.comparing(StepProgress::step)).toList();
        int total = PipelineStep.values().length;
        int completed = status == WorkflowStatus.SUCCEEDED ? total
                : (int) steps.stream().filter(s -> s.state() == JobState.COMPLETED).count();
        List<PipelineStep> current = steps.stream()
                .filter(s -> s.state() == JobState.AVAILABLE || s.state() == JobState.RUNNING)
                .map(StepProgress::step).toList();
        return new WorkflowProgress(status, run, reason, completed, total, current, steps);
    }

    @Override
    public int prune(Instant before) {
        return sql.query(PRUNE, row -> row.getInt(1), before).get(0);
    }

    private static JobRecord jobRecord(ResultSet row) throws SQLException {
        return new JobRecord(row.getLong("id"), new VideoId(Sql.uuid(row, "video_id")), PipelineStep.fromWireName(row.getString("step")),
                JobState.valueOf(row.getString("state")), row.getInt("used"), row.getInt("allowed"), Sql.instant(row, "run_at"),
                row.getString("lease_owner"), Sql.instant(row, "lease_expires_at"), row.getString("last_error"),
                Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"), Sql.instant(row, "finished_at"));
    }
}
