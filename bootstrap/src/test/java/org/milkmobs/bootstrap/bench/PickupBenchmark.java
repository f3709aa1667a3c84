package org.milkmobs.bootstrap.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.bootstrap.system.ApiClient;
import org.milkmobs.bootstrap.system.MilkMobsServer;
import org.milkmobs.bootstrap.system.Uploads;

/**
 * Pickup latency on the packaged WAR's own workers (ADR 0025): videos go in one at a time, each after the last has
 * settled and the workers have idled, so every step is enqueued to workers that wait. For each step of each video's
 * workflow history it prints three gaps, per step and over all steps:
 * <ul>
 * <li>from the commit of the transaction that enqueued the step to the step's {@code TaskStarted} time (the
 * worker's clock when it claimed it): the goal's "enqueue commit -&gt; step start". The commit time is PostgreSQL's
 * {@code pg_xact_commit_timestamp} of the {@code TaskScheduled} history row, which the enqueuing statement inserts
 * with the job and nothing updates after, so its {@code xmin} is the enqueuing transaction. It needs
 * {@code track_commit_timestamp = on} (scripts/db.sh sets it on the dev cluster); without it the benchmark says
 * so and fails rather than print another figure under this name;</li>
 * <li>from the same commit to the commit of the claim that wrote {@code TaskStarted} (an upper bound: the step's
 * work begins after that commit);</li>
 * <li>from {@code TaskScheduled}'s own time to {@code TaskStarted}'s (the figure printed before: the scheduled
 * time is taken before the enqueuing transaction's writes and commit, so it holds the rest of that
 * transaction).</li>
 * </ul>
 * Run with {@code ./mm bench pickup [videos] [idle-ms]}.
 */
public final class PickupBenchmark {

    /** Each TaskScheduled with the commit of its transaction, and the first TaskStarted of that step after it. */
    private static final String PICKUPS = """
            SELECT s.step,
                   extract(epoch FROM started.at - pg_xact_commit_timestamp(s.xmin)) * 1000 AS from_commit,
                   extract(epoch FROM pg_xact_commit_timestamp(started.xmin) - pg_xact_commit_timestamp(s.xmin)) * 1000
                       AS to_claim_commit,
                   extract(epoch FROM started.at - s.at) * 1000 AS from_scheduled,
                   pg_xact_commit_timestamp(s.xmin) IS NULL OR pg_xact_commit_timestamp(started.xmin) IS NULL AS unknown
            FROM workflow_event s
            JOIN LATERAL (
                SELECT t.at, t.xmin FROM workflow_event t
                WHERE t.video_id = s.video_id AND t.step = s.step AND t.type = 'TaskStarted' AND t.seq > s.seq
                ORDER BY t.seq LIMIT 1) started ON true
            WHERE s.video_id = ?::uuid AND s.type = 'TaskScheduled'
            ORDER BY s.seq
            """;

    private PickupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int videos = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long idleMillis = args.length > 1 ? Long.parseLong(args[1]) : 3_000;
        try {
            run(videos, idleMillis);
        } catch (IllegalStateException e) {
            System.err.println("bench pickup: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(int videos, long idleMillis) throws Exception {
        Path media = Files.createTempDirectory("bench-pickup");
        try (MilkMobsServer server = MilkMobsServer.start("bench-pickup", Map.of("RATE_LIMIT_SUBMIT_REQUESTS", "1000000"));
                Connection db = DriverManager.getConnection(server.database().jdbcUrl(), server.database().user(),
                        server.database().password())) {
            String tracking = setting(db, "track_commit_timestamp");
            if (!"on".equals(tracking)) {
                // closing the server first: the figure cannot be taken, so the run fails without one
                throw new IllegalStateException("the database has track_commit_timestamp = " + tracking + ", so the commit"
                        + " that enqueued a step is unknown and pickup from it cannot be measured. scripts/db.sh turns it on"
                        + " for the dev cluster; a cluster started before that needs a restart (scripts/db.sh stop dev).");
            }
            ApiClient fan = server.as(server.tokens().consumer("bench-fan"));
            Uploads uploads = new Uploads(fan);
            System.out.printf(Locale.ROOT, "pickup on the WAR: %d videos, one at a time, %d ms idle before each%n", videos, idleMillis);
            Map<String, Gaps> byStep = new TreeMap<>();
            for (int i = 0; i < videos; i++) {
                // another length each time: the same bytes would be the identical tier, never analysed again
                Path file = MediaFixtures.video(media, "pickup-" + i, 2 + i * 0.04, 320, 240);
                Thread.sleep(idleMillis);
                String id = uploads.submitUploadComplete(file, "pickup " + i, List.of("milkmob"));
                uploads.awaitSettled(id);
                pickups(db, id, byStep);
            }
            Gaps all = new Gaps();
            System.out.println("ms, p50 / p95 / max; enqueue commit -> TaskStarted is the goal's measure");
            System.out.printf(Locale.ROOT, "  %-14s %5s  %-26s  %-26s  %-26s%n", "step", "jobs", "enqueue commit -> started",
                    "enqueue commit -> claim commit", "TaskScheduled -> started");
            byStep.forEach((step, gaps) -> {
                all.addAll(gaps);
                print(step, gaps);
            });
            print("every step", all);
            System.out.println("goal (issue 25): pickup p50 < 10 ms when idle workers wait (enqueue commit -> step start)");
        }
    }

    private static String setting(Connection db, String name) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("SELECT current_setting('" + name + "')")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Adds each step of the video's history: its enqueue's commit and TaskScheduled -> the next TaskStarted of that step. */
    private static void pickups(Connection db, String videoId, Map<String, Gaps> byStep) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(PICKUPS)) {
            statement.setString(1, videoId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (rows.getBoolean("unknown")) {
                        throw new IllegalStateException("no commit timestamp for a history row of " + videoId
                                + " (track_commit_timestamp was off when it was written?)");
                    }
                    Gaps gaps = byStep.computeIfAbsent(rows.getString("step"), s -> new Gaps());
                    gaps.fromCommit.add(rows.getDouble("from_commit"));
                    gaps.toClaimCommit.add(rows.getDouble("to_claim_commit"));
                    gaps.fromScheduled.add(rows.getDouble("from_scheduled"));
                }
            }
        }
    }

    private static void print(String what, Gaps gaps) {
        System.out.printf(Locale.ROOT, "  %-14s %5d  %-26s  %-26s  %-26s%n", what, gaps.fromCommit.size(), summary(gaps.fromCommit),
                summary(gaps.toClaimCommit), summary(gaps.fromScheduled));
    }

    private static String summary(List<Double> millis) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", Percentiles.of(millis, 50), Percentiles.of(millis, 95),
                Percentiles.of(millis, 100));
    }

    /** The three gaps of one step's pickups, in ms. */
    private static final class Gaps {
        final List<Double> fromCommit = new ArrayList<>();
        final List<Double> toClaimCommit = new ArrayList<>();
        final List<Double> fromScheduled = new ArrayList<>();

        void addAll(Gaps other) {
            fromCommit.addAll(other.fromCommit);
            toClaimCommit.addAll(other.toClaimCommit);
            fromScheduled.addAll(other.fromScheduled);
        }
    }
}
