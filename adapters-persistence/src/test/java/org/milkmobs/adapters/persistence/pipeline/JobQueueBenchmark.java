package org.milkmobs.adapters.persistence.pipeline;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.milkmobs.adapters.persistence.testing.JpaTestSupport;
import org.milkmobs.adapters.persistence.testing.ResourceLocalTransactions;
import org.milkmobs.adapters.persistence.testing.TestDatabase;
import org.milkmobs.application.port.in.pipeline.PipelineWorkerUseCase;
import org.milkmobs.application.port.in.pipeline.PipelineWorkerUseCase.CompletedJob;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.port.out.pipeline.JobQueuePort;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.application.service.pipeline.BatchedFinishes;
import org.milkmobs.application.service.pipeline.PipelineWorkerService;
import org.milkmobs.application.service.pipeline.RetryPolicy;
import org.milkmobs.application.service.pipeline.StepLimits;
import org.milkmobs.application.service.pipeline.WorkflowFailures;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.video.VideoId;

/**
 * Throughput of no-op jobs through claim → complete, in one run, four ways, on the same database:
 * <ol>
 *   <li>{@code pgbench} (PostgreSQL's own client, in C) running the bare loop's SQL with 4 clients: claim a batch
 *       (one with batch 1) in a MATERIALIZED CTE with {@code FOR UPDATE SKIP LOCKED}, then a fenced complete per job,
 *       each autocommitted. It is the anchor that says how fast this server does the work without Java, so a slow
 *       bare loop cannot flatter the engine;</li>
 *   <li>a bare JDBC loop: the SKIP LOCKED claim of a batch, then one autocommitted UPDATE per job;</li>
 *   <li>our {@link JobQueuePort} adapter: the same claim (plus its history event) in a transaction, then the
 *       claimed jobs' fenced completes (plus their events) in one statement and transaction;</li>
 *   <li>the whole engine: completions go through {@link BatchedFinishes}, the group commit the workers use,
 *       which also locks each workflow and schedules (here: finishes) what comes next.</li>
 * </ol>
 * The four are interleaved over {@code rounds} rounds and the medians reported, because a 2-core machine
 * with fsync on varies by a third from one run to the next.
 * Then pickup latency: how long a job enqueued while the worker is idle waits to be claimed, with polling only
 * and with LISTEN/NOTIFY ({@link PostgresJobSignals}) in front of the same polling.
 * Run with {@code ./mm bench jobs [jobs] [threads] [batch] [rounds] [pickups]}.
 */
public final class JobQueueBenchmark {

    private static final int PGBENCH_CLIENTS = 4;
    /** The workers' defaults: pipeline.poll-interval, and PipelineWorkers' idle back-off ceiling. */
    private static final long POLL_MILLIS = 250;
    private static final long MAX_IDLE_MILLIS = 2_000;
    private static final int PAUSE_MIN_MILLIS = 50;
    private static final int PAUSE_MAX_MILLIS = 400;

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int pickups = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        TestDatabase database = TestDatabase.create("bench_jobs");
        try (JpaTestSupport jpa = new JpaTestSupport(database.dataSource())) {
            System.out.printf(Locale.ROOT, "job-table benchmark: %d no-op jobs, %d threads, claim batch %d, PostgreSQL at %s%n",
                    jobs, threads, batch, database.jdbcUrl());
            System.out.println("PostgreSQL settings: " + settings(database.dataSource()));
            // warm-up: JIT, plan caches, connection set-up
            seed(database, 2_000, "preflight");
            bareLoop(database.dataSource(), threads, batch);
            seed(database, 2_000, "preflight");
            adapterLoop(jpa, threads, batch, false);
            Pgbench pgbench = Pgbench.find();
            List<Double> anchor = new ArrayList<>();
            List<Double> bare = new ArrayList<>();
            List<Double> adapter = new ArrayList<>();
            List<Double> engine = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                seed(database, jobs, "preflight");
                anchor.add(pgbench.run(database, jobs, PGBENCH_CLIENTS, batch));
                seed(database, jobs, "preflight");
                bare.add(bareLoop(database.dataSource(), threads, batch));
                seed(database, jobs, "preflight");
                adapter.add(adapterLoop(jpa, threads, batch, false));
                seed(database, jobs, "emit");
                engine.add(adapterLoop(jpa, threads, batch, true));
                System.out.printf(Locale.ROOT, "round %d: pgbench %.0f, bare %.0f, adapter %.0f, engine %.0f jobs/s%n", round,
                        anchor.get(round - 1),
                        bare.get(round - 1), adapter.get(round - 1), engine.get(round - 1));
            }
            double bareMedian = median(bare);
            double adapterMedian = median(adapter);
            double engineMedian = median(engine);
            System.out.printf(Locale.ROOT, "median of %d rounds, claim batch %d (jobs/s; ratios to the bare loop and to pgbench):%n", rounds, batch);
            double anchorMedian = median(anchor);
            System.out.printf(Locale.ROOT, "  pgbench, %d clients          : %8.0f  (%.2f of bare)%n", PGBENCH_CLIENTS, anchorMedian,
                    anchorMedian / bareMedian);
            System.out.printf(Locale.ROOT, "  bare SQL loop, %d threads    : %8.0f  (%.2f of pgbench)%n", threads, bareMedian, bareMedian / anchorMedian);
            System.out.printf(Locale.ROOT, "  JobQueuePort adapter        : %8.0f  (%.2f of bare, %.2f of pgbench)%n", adapterMedian,
                    adapterMedian / bareMedian, adapterMedian / anchorMedian);
            System.out.printf(Locale.ROOT, "  whole engine (finish)       : %8.0f  (%.2f of bare, %.2f of pgbench)%n", engineMedian,
                    engineMedian / bareMedian, engineMedian / anchorMedian);

            System.out.printf(Locale.ROOT, "pickup latency, enqueue commit -> claim, %d jobs enqueued one at a time %d-%d ms apart,"
                    + " one idle worker polling every %d ms backing off to %d ms:%n", pickups, PAUSE_MIN_MILLIS, PAUSE_MAX_MILLIS,
                    POLL_MILLIS, MAX_IDLE_MILLIS);
            List<Double> polling = pickupLatencies(database, jpa, pickups, false);
            List<Double> notified = pickupLatencies(database, jpa, pickups, true);
            System.out.printf(Locale.ROOT, "  polling only                : p50 %7.1f ms  p95 %7.1f ms%n", percentile(polling, 50), percentile(polling, 95));
            System.out.printf(Locale.ROOT, "  LISTEN/NOTIFY + polling     : p50 %7.1f ms  p95 %7.1f ms%n", percentile(notified, 50), percentile(notified, 95));
        }
    }

    /** {@code count} fresh workflows, each with one AVAILABLE job of {@code step}. */
    private static void seed(TestDatabase database, int count, String step) {
        database.execute("TRUNCATE video, workflow, job, workflow_event CASCADE");
        database.execute("""
                INSERT INTO video (id, owner_id, title, description, hashtags, status, created_at, updated_at, version)
                SELECT gen_random_uuid(), 'bench', 'bench ' || i, '', '{}', 'SUBMITTED', now(), now(), 0
                FROM generate_series(1, %d) i
                """.formatted(count));
        database.execute("INSERT INTO workflow (video_id, status, started_at) SELECT id, 'RUNNING', now() FROM video");
        database.execute("""
                INSERT INTO job (video_id, step, state, max_attempts, run_at, created_at, updated_at)
                SELECT video_id, '%s', 'AVAILABLE', 3, now() - interval '1 second', now(), now() FROM workflow
                """.formatted(step));
        database.execute("VACUUM ANALYZE job");
    }

    private static double bareLoop(DataSource dataSource, int threads, int batch) throws Exception {
        String claim = """
                WITH picked AS MATERIALIZED (
                    SELECT id FROM job WHERE state = 'AVAILABLE' AND run_at <= now() AND step = ANY (?)
                    ORDER BY run_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
                UPDATE job j SET state = 'RUNNING', attempt = j.attempt + 1, lease_owner = ?, lease_expires_at = now() + interval '1 minute',
                                 updated_at = now()
                FROM picked WHERE j.id = picked.id RETURNING j.id, j.attempt
                """;
        String complete = """
                UPDATE job SET state = 'COMPLETED', lease_owner = NULL, lease_expires_at = NULL, finished_at = now(), updated_at = now()
                WHERE id = ? AND attempt = ? AND state = 'RUNNING'
                """;
        return timed(threads, worker -> {
            int done = 0;
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement claimStatement = connection.prepareStatement(claim);
                 PreparedStatement completeStatement = connection.prepareStatement(complete)) {
                claimStatement.setArray(1, connection.createArrayOf("text", new String[] {"preflight"}));
                claimStatement.setInt(2, batch);
                claimStatement.setString(3, "bare-" + worker);
                while (true) {
                    List<long[]> claimed = new ArrayList<>();
                    try (ResultSet rows = claimStatement.executeQuery()) {
                        while (rows.next()) {
                            claimed.add(new long[] {rows.getLong(1), rows.getInt(2)});
                        }
                    }
                    if (claimed.isEmpty()) {
                        return done;
                    }
                    for (long[] job : claimed) {
                        completeStatement.setLong(1, job[0]);
                        completeStatement.setInt(2, (int) job[1]);
                        done += completeStatement.executeUpdate();
                    }
                }
            }
        });
    }

    private static double adapterLoop(JpaTestSupport jpa, int threads, int batch, boolean wholeEngine) throws Exception {
        Clock clock = Clock.systemUTC();
        RetryPolicy retry = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));
        PipelineStep step = wholeEngine ? PipelineStep.EMIT : PipelineStep.PREFLIGHT;
        // the instance's workers share one group commit, over a connection of its own, as PipelineWorkers does
        EntityManager finishing = jpa.newEntityManager();
        BatchedFinishes finishes = new BatchedFinishes(engine(finishing, retry, clock, 0), BatchedFinishes.DEFAULT_MAX_BATCH);
        try {
            return timed(threads, worker -> {
                EntityManager em = jpa.newEntityManager();
                try {
                    JobQueuePort queue = ResourceLocalTransactions.wrap(JobQueuePort.class, new JobQueueAdapter(em), em);
                    int done = 0;
                    while (true) {
                        Instant now = clock.instant();
                        List<PipelineJob> claimed = queue.claim("adapter-" + worker, EnumSet.of(step), batch, now, now.plus(retry.lease()));
                        if (claimed.isEmpty()) {
                            return done;
                        }
                        if (wholeEngine) {
                            // the claimed no-op steps end together, so their outcomes reach the group commit together
                            List<CompletedJob> completed = claimed.stream()
                                    .map(job -> new CompletedJob(job, StepOutcome.completed(StepOutcome.ResultWrite.NONE))).toList();
                            done += claimed.size() - finishes.finishAll(completed).size();
                        } else {
                            done += queue.completeAll(claimed.stream().map(PipelineJob::lease).toList(), clock.instant()).size();
                        }
                    }
                } finally {
                    em.close();
                }
            });
        } finally {
            finishing.close();
        }
    }

    private static PipelineWorkerUseCase engine(EntityManager em, RetryPolicy retry, Clock clock, int seed) {
        WorkflowAdapter workflows = new WorkflowAdapter(em);
        return ResourceLocalTransactions.wrap(PipelineWorkerUseCase.class,
                new PipelineWorkerService(new JobQueueAdapter(em), workflows, new PipelineControlAdapter(em),
                        new WorkflowFailures(workflows, null, null, WorkflowFailures.RejectedMediaCleanup.KEEP_FILES),
                        retry, StepLimits.NONE, clock, new Random(seed)), em);
    }

    /**
     * One idle worker (the workers' schedule: claim, and when nothing came wait the poll interval, doubling up to
     * the idle maximum; with NOTIFY the wait ends at the enqueue's signal) and one enqueuer committing a job at a
     * time through the engine's enqueue; returns each job's time from its enqueue's commit to its claim, in ms.
     */
    private static List<Double> pickupLatencies(TestDatabase database, JpaTestSupport jpa, int count, boolean notify) throws Exception {
        seed(database, count, "preflight");
        database.execute("DELETE FROM job");
        List<VideoId> videos = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement("SELECT video_id FROM workflow");
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                videos.add(new VideoId(rows.getObject(1, java.util.UUID.class)));
            }
        }
        Map<VideoId, Long> committedAt = new ConcurrentHashMap<>();
        List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        Clock clock = Clock.systemUTC();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> idleWorker = pool.submit(() -> {
            EntityManager em = jpa.newEntityManager();
            try (PostgresJobSignals signals = new PostgresJobSignals(database.jdbcUrl(), database.user(), database.password())) {
                JobQueuePort queue = ResourceLocalTransactions.wrap(JobQueuePort.class, new JobQueueAdapter(em), em);
                long idleMillis = POLL_MILLIS;
                while (latencies.size() < count) {
                    Instant now = clock.instant();
                    List<PipelineJob> claimed = queue.claim("idle-worker", EnumSet.of(PipelineStep.PREFLIGHT), 10, now, now.plusSeconds(60));
                    long claimedAt = System.nanoTime();
                    for (PipelineJob job : claimed) {
                        Long committed;
                        while ((committed = committedAt.get(job.lease().videoId())) == null) {
                            Thread.onSpinWait(); // the enqueuer is between its commit and noting the time
                        }
                        latencies.add(Math.max(0, claimedAt - committed) / 1e6);
                    }
                    idleMillis = claimed.isEmpty() ? Math.min(MAX_IDLE_MILLIS, idleMillis * 2) : POLL_MILLIS;
                    if (claimed.isEmpty()) {
                        if (notify) {
                            signals.awaitJobs(Duration.ofMillis(idleMillis));
                        } else {
                            Thread.sleep(idleMillis);
                        }
                    }
                }
                return null;
            } finally {
                em.close();
            }
        });
        EntityManager em = jpa.newEntityManager();
        try {
            WorkflowPort workflows = ResourceLocalTransactions.wrap(WorkflowPort.class, new WorkflowAdapter(em), em);
            Random random = new Random(42);
            Thread.sleep(1_000); // the worker is idle (and listening) before the first enqueue
            for (VideoId video : videos) {
                Thread.sleep(PAUSE_MIN_MILLIS + random.nextInt(PAUSE_MAX_MILLIS - PAUSE_MIN_MILLIS));
                Instant now = clock.instant();
                workflows.enqueue(video, PipelineStep.PREFLIGHT, 3, now, now);
                committedAt.put(video, System.nanoTime());
            }
            idleWorker.get(5, TimeUnit.MINUTES);
        } finally {
            em.close();
            pool.shutdownNow();
        }
        return latencies;
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static double timed(int threads, Worker work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger total = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int worker = i;
            results.add(pool.submit(() -> work.run(worker)));
        }
        for (Future<Integer> result : results) {
            total.addAndGet(result.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return total.get() / seconds;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String settings(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT string_agg(name || '=' || setting, ', ') FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers')");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getString(1) + ", server " + c.getMetaData().getDatabaseProductVersion();
        }
    }

    @FunctionalInterface
    private interface Worker {
        int run(int worker) throws Exception;
    }
}
