package org.milkmobs.adapters.persistence.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.milkmobs.adapters.persistence.testing.TestDatabase;

/**
 * The job benchmark's anchor: PostgreSQL's {@code pgbench} (the same binaries as the project's cluster) running
 * the bare loop's SQL, so the figure says what the server does without any Java in the way. Each pgbench
 * transaction claims a batch in a MATERIALIZED CTE with {@code FOR UPDATE SKIP LOCKED} (one job with batch 1),
 * then completes each job with its own fenced, autocommitted UPDATE, as the bare loop does.
 */
final class Pgbench {

    /** Claims up to {@code %1$d} due jobs (the engine's claim without its history event) into two arrays. */
    private static final String CLAIM = """
            WITH picked AS MATERIALIZED (
                SELECT id FROM job WHERE state = 'AVAILABLE' AND run_at <= now() AND step = ANY ('{preflight}')
                ORDER BY run_at, id LIMIT %1$d FOR UPDATE SKIP LOCKED
            ), claimed AS (
                UPDATE job j SET state = 'RUNNING', attempt = j.attempt + 1, lease_owner = 'pgbench-' || :client_id::text,
                                 lease_expires_at = now() + interval '1 minute', updated_at = now()
                FROM picked WHERE j.id = picked.id RETURNING j.id, j.attempt)
            SELECT array_agg(id ORDER BY id) AS job_ids, array_agg(attempt ORDER BY id) AS job_attempts FROM claimed
            \\gset
            """;
    /** The fenced complete of the claim's job number {@code %1$d}, autocommitted, as the bare loop does it. */
    private static final String COMPLETE = """
            UPDATE job SET state = 'COMPLETED', lease_owner = NULL, lease_expires_at = NULL, finished_at = now(), updated_at = now()
            WHERE id = (:job_ids::bigint[])[%1$d] AND attempt = (:job_attempts::int[])[%1$d] AND state = 'RUNNING';
            """;
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final Path executable;

    private Pgbench(Path executable) {
        this.executable = executable;
    }

    /**
     * pgbench from {@code -Dmilkmobs.pgbench} (scripts/bench.sh passes the cluster's), else next to the
     * cluster's default binaries; a benchmark without its anchor would print a ratio to nothing, so it fails.
     */
    static Pgbench find() {
        Path path = Path.of(System.getProperty("milkmobs.pgbench", "/usr/lib/postgresql/15/bin/pgbench"));
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("pgbench, the benchmark's anchor, is not at " + path
                    + " (set -Dmilkmobs.pgbench, or PG_BIN for ./mm bench jobs)");
        }
        return new Pgbench(path);
    }

    /**
     * Runs {@code jobs} jobs over {@code clients} connections, each pgbench transaction claiming {@code batch}
     * and completing them one by one (pgbench has no loops, so the script spells out {@code batch} completes);
     * returns jobs per second.
     */
    double run(TestDatabase database, int jobs, int clients, int batch) throws IOException, InterruptedException {
        Path script = Files.createTempFile("claim-complete", ".sql");
        Path output = Files.createTempFile("pgbench", ".out");
        try {
            Files.writeString(script, script(batch));
            String url = database.jdbcUrl().replaceFirst("^jdbc:postgresql://", "");
            String[] hostPort = url.replaceFirst("/.*$", "").split(":");
            // jobs / (clients × batch) claims each: with SKIP LOCKED every claim finds a full batch, so as many jobs run
            int perClient = jobs / (clients * batch);
            ProcessBuilder builder = new ProcessBuilder(List.of(executable.toString(), "--no-vacuum", "--protocol=prepared",
                    "--host=" + hostPort[0], "--port=" + (hostPort.length > 1 ? hostPort[1] : "5432"), "--username=" + database.user(),
                    "--client=" + clients, "--jobs=" + Math.min(clients, 2), "--transactions=" + perClient,
                    "--file=" + script, database.name()))
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("PGPASSWORD", database.password());
            int status = builder.start().waitFor();
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Matcher tps = TPS.matcher(text);
            if (status != 0 || !tps.find()) {
                throw new IllegalStateException("pgbench failed (exit " + status + "):\n" + text);
            }
            long completed = completed(database);
            if (completed != (long) perClient * clients * batch) {
                throw new IllegalStateException("pgbench completed " + completed + " jobs, not " + perClient * clients * batch + ":\n" + text);
            }
            return Double.parseDouble(tps.group(1)) * batch;
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(output);
        }
    }

    private static String script(int batch) {
        StringBuilder script = new StringBuilder(CLAIM.formatted(batch));
        for (int i = 1; i <= batch; i++) {
            script.append(COMPLETE.formatted(i));
        }
        return script.toString();
    }

    private static long completed(TestDatabase database) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM job WHERE state = 'COMPLETED'")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
