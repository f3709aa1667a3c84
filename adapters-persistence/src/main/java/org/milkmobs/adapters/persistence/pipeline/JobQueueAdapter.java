package org.milkmobs.adapters.persistence.pipeline;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.milkmobs.adapters.persistence.JsonMaps;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.pipeline.JobQueuePort;
import org.milkmobs.domain.pipeline.HistoryEventType;
import org.milkmobs.domain.pipeline.JobLease;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.video.VideoId;

/**
 * The job table's worker side in SQL, after River and Oban: a claim is one statement (a MATERIALIZED
 * CTE that locks due rows with SKIP LOCKED, the update to RUNNING, and the history event); every later
 * write names the attempt it belongs to, so a stale worker's write matches no row.
 */
@Dependent
class JobQueueAdapter implements JobQueuePort {

    /** Locks the picked rows, marks them RUNNING and logs TaskStarted; {@code picked} is prepended by each claim. */
    private static final String CLAIM_PICKED = """
            , claimed AS (
                UPDATE job j
                SET state = 'RUNNING', attempt = j.attempt + 1, lease_owner = ?, lease_expires_at = ?, updated_at = ?
                FROM picked WHERE j.id = picked.id
                RETURNING j.id, j.video_id, j.step, j.attempt, j.max_attempts, j.snoozes, j.data
            ), logged AS (
            """ + WorkflowEvents.eachRowOf("claimed", HistoryEventType.TaskStarted)
                    .withDetails("jsonb_build_object('worker', ?::text)") + """
            )
            SELECT id, video_id, step, attempt, max_attempts, snoozes, data::text AS data FROM claimed ORDER BY id
            """;

    private static final String CLAIM = """
            WITH picked AS MATERIALIZED (
                SELECT id FROM job
                WHERE state = 'AVAILABLE' AND run_at <= ? AND step = ANY (?)
                ORDER BY run_at, id
                LIMIT ?
                FOR UPDATE SKIP LOCKED
            )""" + CLAIM_PICKED;

    /** {@link #CLAIM} with each step's own limit: a locking subquery per step, all in one statement. */
    private static final String CLAIM_EACH = """
            WITH picked AS MATERIALIZED (
                SELECT due.id FROM unnest(?::text[], ?::int[]) AS room(step, jobs)
                CROSS JOIN LATERAL (
                    SELECT id FROM job
                    WHERE state = 'AVAILABLE' AND run_at <= ? AND step = room.step
                    ORDER BY run_at, id
                    LIMIT room.jobs
                    FOR UPDATE SKIP LOCKED
                ) due
            )""" + CLAIM_PICKED;

    private static final String COMPLETE = """
            WITH done AS (
                UPDATE job SET state = 'COMPLETED', lease_owner = NULL, lease_expires_at = NULL, last_error = NULL,
                               finished_at = ?, updated_at = ?
                WHERE id = ? AND attempt = ? AND state = 'RUNNING'
                RETURNING video_id, step, attempt
            )
            """ + WorkflowEvents.eachRowOf("done", HistoryEventType.TaskSucceeded);

    /** {@link #COMPLETE} for many leases at once: one round trip and, in the caller's transaction, one commit. */
    private static final String COMPLETE_ALL = """
            WITH done AS (
                UPDATE job j SET state = 'COMPLETED', lease_owner = NULL, lease_expires_at = NULL, last_error = NULL,
                                 finished_at = ?, updated_at = ?
                FROM unnest(?::bigint[], ?::int[]) AS lease(id, attempt)
                WHERE j.id = lease.id AND j.attempt = lease.attempt AND j.state = 'RUNNING'
                RETURNING j.id, j.video_id, j.step, j.attempt
            ), logged AS (
            """ + WorkflowEvents.eachRowOf("done", HistoryEventType.TaskSucceeded).orderedBy("id") + """
            )
            SELECT id FROM done
            """;

    private static final String FAIL = """
            WITH failed AS (
                UPDATE job
                SET state = CASE WHEN ?::boolean OR attempt >= max_attempts THEN 'DEAD' ELSE 'AVAILABLE' END,
                    run_at = CASE WHEN ?::boolean OR attempt >= max_attempts THEN run_at ELSE ? END,
                    finished_at = CASE WHEN ?::boolean OR attempt >= max_attempts THEN ?::timestamptz END,
                    lease_owner = NULL, lease_expires_at = NULL, last_error = ?, updated_at = ?
                WHERE id = ? AND attempt = ? AND state = 'RUNNING'
                RETURNING video_id, step, attempt, state, run_at
            ), logged AS (
            """ + WorkflowEvents.eachRowOf("failed", HistoryEventType.TaskFailed).withDetails("""
                    jsonb_build_object('error', ?::text, 'final', state = 'DEAD',
                                       'retryAt', CASE WHEN state = 'AVAILABLE' THEN to_char(run_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END)
                    """) + """
            )
            SELECT state FROM failed
            """;

    private static final String SNOOZE = """
            WITH snoozed AS (
                UPDATE job SET state = 'AVAILABLE', run_at = ?, max_attempts = max_attempts + 1, snoozes = snoozes + 1,
                               data = COALESCE(?::jsonb, data), lease_owner = NULL, lease_expires_at = NULL, updated_at = ?
                WHERE id = ? AND attempt = ? AND state = 'RUNNING'
                RETURNING video_id, step, attempt
            )
            """ + WorkflowEvents.eachRowOf("snoozed", HistoryEventType.TaskSnoozed)
                    .withDetails("jsonb_build_object('until', ?::text, 'reason', ?::text)");

    private static final String HEARTBEAT = """
            UPDATE job SET lease_expires_at = ? WHERE id = ? AND attempt = ? AND state = 'RUNNING'
            """;

    private static final String RESCUE = """
            WITH expired AS MATERIALIZED (
                SELECT id FROM job WHERE state = 'RUNNING' AND lease_expires_at < ?
                FOR UPDATE SKIP LOCKED
            ), rescued AS (
                UPDATE job j
                SET state = CASE WHEN j.attempt >= j.max_attempts THEN 'DEAD' ELSE 'AVAILABLE' END,
                    finished_at = CASE WHEN j.attempt >= j.max_attempts THEN ?::timestamptz END,
                    run_at = ?, lease_owner = NULL, lease_expires_at = NULL,
                    last_error = 'the lease of worker ' || coalesce(j.lease_owner, '?') || ' expired', updated_at = ?
                FROM expired WHERE j.id = expired.id
                RETURNING j.id, j.video_id, j.step, j.attempt, j.state, j.last_error
            ), logged AS (
            """ + WorkflowEvents.eachRowOf("rescued", HistoryEventType.TaskTimedOut)
                    .withDetails("jsonb_build_object('error', last_error, 'final', state = 'DEAD')") + """
            )
            SELECT id, video_id, step, attempt, state FROM rescued
            """;

    private final Sql sql;

    @Inject
    JobQueueAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public List<PipelineJob> claim(String worker, Set<PipelineStep> steps, int limit, Instant now, Instant leaseUntil) {
        String[] stepNames = steps.stream().map(PipelineStep::wireName).toArray(String[]::new);
        return sql.query(CLAIM, JobQueueAdapter::claimedJob, now, stepNames, limit, worker, leaseUntil, now, now, worker);
    }

    @Override
    public List<PipelineJob> claimEach(String worker, Map<PipelineStep, Integer> room, Instant now, Instant leaseUntil) {
        List<Map.Entry<PipelineStep, Integer>> free = room.entrySet().stream().filter(step -> step.getValue() > 0).toList();
        if (free.isEmpty()) {
            return List.of();
        }
        return sql.query(CLAIM_EACH, JobQueueAdapter::claimedJob,
                free.stream().map(step -> step.getKey().wireName()).toArray(String[]::new),
                free.stream().map(Map.Entry::getValue).toArray(Integer[]::new), now, worker, leaseUntil, now, now, worker);
    }

    private static PipelineJob claimedJob(ResultSet row) throws SQLException {
        return new PipelineJob(new JobLease(row.getLong("id"), new VideoId(Sql.uuid(row, "video_id")),
                PipelineStep.fromWireName(row.getString("step")), row.getInt("attempt")),
                row.getInt("max_attempts"), row.getInt("snoozes"), JsonMaps.fromJson(row.getString("data")));
    }

    @Override
    public List<PipelineJob> claimWithinClusterLimit(String worker, PipelineStep step, int limit, int clusterLimit,
                                                     Instant now, Instant leaseUntil) {
        // the lock first, in a statement of its own: the count below then reads a snapshot taken after the
        // previous holder committed its claims
        sql.query("SELECT pg_advisory_xact_lock(hashtext(?))::text", row -> row.getString(1), "job-claim:" + step.wireName());
        long running = sql.query("SELECT count(*) FROM job WHERE step = ? AND state = 'RUNNING'", row -> row.getLong(1),
                step.wireName()).get(0);
        int room = (int) Math.min(limit, Math.max(0, clusterLimit - running));
        return room == 0 ? List.of() : claim(worker, Set.of(step), room, now, leaseUntil);
    }

    @Override
    public boolean heartbeat(JobLease lease, Instant leaseUntil) {
        return sql.update(HEARTBEAT, leaseUntil, lease.jobId(), lease.attempt()) == 1;
    }

    @Override
    public boolean complete(JobLease lease, Instant now) {
        return sql.update(COMPLETE, now, now, lease.jobId(), lease.attempt(), now) == 1;
    }

    @Override
    public Set<JobLease> completeAll(Collection<JobLease> leases, Instant now) {
        if (leases.isEmpty()) {
            return Set.of();
        }
        // in id order, so two batches that ever share a row lock it in the same order
        List<JobLease> ordered = leases.stream().sorted(Comparator.comparingLong(JobLease::jobId)).toList();
        Set<Long> done = new HashSet<>(sql.query(COMPLETE_ALL, row -> row.getLong("id"), now, now,
                ordered.stream().map(JobLease::jobId).toArray(Long[]::new),
                ordered.stream().map(JobLease::attempt).toArray(Integer[]::new), now));
        return ordered.stream().filter(lease -> done.contains(lease.jobId())).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public FailResult fail(JobLease lease, String error, boolean permanent, Instant retryAt, Instant now) {
        List<String> state = sql.query(FAIL, row -> row.getString("state"),
                permanent, permanent, retryAt, permanent, now, error, now, lease.jobId(), lease.attempt(), now, error);
        if (state.isEmpty()) {
            return FailResult.LOST;
        }
        return "DEAD".equals(state.get(0)) ? FailResult.DEAD : FailResult.RETRY_SCHEDULED;
    }

    @Override
    public boolean snooze(JobLease lease, Instant runAt, Map<String, String> data, Instant now) {
        return sql.update(SNOOZE, runAt, JsonMaps.toJson(data), now, lease.jobId(), lease.attempt(), now, runAt.toString(),
                "snoozed") == 1;
    }

    @Override
    public boolean release(JobLease lease, Instant now) {
        return sql.update(SNOOZE, now, null, now, lease.jobId(), lease.attempt(), now, now.toString(), "released by a stopping worker") == 1;
    }

    @Override
    public List<RescuedJob> rescueExpired(Instant now) {
        return sql.query(RESCUE, row -> new RescuedJob(
                        new JobLease(row.getLong("id"), new VideoId(Sql.uuid(row, "video_id")),
                                PipelineStep.fromWireName(row.getString("step")), row.getInt("attempt")),
                        "DEAD".equals(row.getString("state"))),
                now, now, now, now, now);
    }
}
