package org.milkmobs.adapters.persistence.mob;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.domain.mob.ReclusterRun;
import org.milkmobs.application.port.out.mob.ReclusterRuns;
import org.milkmobs.domain.TimeOrderedUuid;

/** Runs in a table whose partial unique index admits one RUNNING row, so instances cannot start two. */
@Dependent
class ReclusterRunsAdapter implements ReclusterRuns {

    private static final String COLUMNS = "id, status, trigger, phase, progress, started_at, finished_at, k, inertia, videos, moved, error";

    private final Sql sql;

    @Inject
    ReclusterRunsAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public ReclusterRun startOrGetRunning(String trigger, Instant now) {
        sql.update("""
                INSERT INTO recluster_run (id, status, trigger, phase, progress, started_at, heartbeat_at)
                VALUES (?, 'RUNNING', ?, 'queued', 0, ?, ?)
                ON CONFLICT DO NOTHING
                """, TimeOrderedUuid.next(), trigger, now, now);
        return sql.query("SELECT " + COLUMNS + " FROM recluster_run WHERE status = 'RUNNING'", ReclusterRunsAdapter::run).get(0);
    }

    @Override
    public Optional<UUID> claimQueued(Instant now) {
        return sql.query("""
                UPDATE recluster_run SET phase = 'starting', heartbeat_at = ? WHERE status = 'RUNNING' AND phase = 'queued' RETURNING id
                """, row -> Sql.uuid(row, "id"), now).stream().findFirst();
    }

    @Override
    public void progress(UUID run, String phase, double progress, Instant now) {
        sql.update("UPDATE recluster_run SET phase = ?, progress = ?, heartbeat_at = ? WHERE id = ? AND status = 'RUNNING'",
                phase, progress, now, run);
    }

    @Override
    public int failStale(Instant before, Instant now) {
        return sql.update("""
                UPDATE recluster_run SET status = 'FAILED', finished_at = ?, error = 'the instance running it stopped reporting progress'
                WHERE status = 'RUNNING' AND phase <> 'queued' AND heartbeat_at < ?
                """, now, before);
    }

    @Override
    public void succeed(UUID run, int k, double inertia, int videos, int moved, Instant now) {
        sql.update("""
                UPDATE recluster_run SET status = 'SUCCEEDED', phase = 'done', progress = 1, finished_at = ?, k = ?, inertia = ?,
                       videos = ?, moved = ?
                WHERE id = ?
                """, now, k, inertia, videos, moved, run);
    }

    @Override
    public void fail(UUID run, String error, Instant now) {
        sql.update("UPDATE recluster_run SET status = 'FAILED', finished_at = ?, error = ? WHERE id = ? AND status = 'RUNNING'", now, error, run);
    }

    @Override
    public Optional<ReclusterRun> find(UUID run) {
        return sql.query("SELECT " + COLUMNS + " FROM recluster_run WHERE id = ?", ReclusterRunsAdapter::run, run).stream().findFirst();
    }

    @Override
    public Optional<ReclusterRun> latest() {
        return sql.query("SELECT " + COLUMNS + " FROM recluster_run ORDER BY started_at DESC LIMIT 1", ReclusterRunsAdapter::run)
                .stream().findFirst();
    }

    private static ReclusterRun run(ResultSet row) throws SQLException {
        return new ReclusterRun(Sql.uuid(row, "id"), row.getString("status"), row.getString("trigger"), row.getString("phase"),
                row.getDouble("progress"), Sql.instant(row, "started_at"), Sql.instant(row, "finished_at"),
                (Integer) row.getObject("k"), (Double) row.getObject("inertia"), (Integer) row.getObject("videos"),
                (Integer) row.getObject("moved"), row.getString("error"));
    }
}
