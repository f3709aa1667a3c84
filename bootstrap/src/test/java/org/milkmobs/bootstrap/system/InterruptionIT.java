package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.adapters.persistence.testing.TestDatabase;
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;

/**
 * Issue 19, defects 4 and 9: what an interruption does to the jobs a server holds. A job it was running must be
 * back in the queue at once, not when its lease runs out: the leases here are ten minutes, so waiting for one
 * would fail the test by far.
 */
class InterruptionIT {

    private static final String LONG_LEASE = "PT10M";

    @TempDir
    static Path dir;

    /** Defect 4: SIGTERM while a step is waiting for Bedrock gives the job back before the process ends. */
    @Test
    void aStoppingServerGivesBackTheJobItHolds() throws Exception {
        BedrockStack stack = BedrockStack.start("sigterm", Files.createDirectories(dir.resolve("sigterm")), Map.of("PIPELINE_LEASE", LONG_LEASE, "PIPELINE_SHUTDOWN_GRACE", "PT1S"));
        TestDatabase database = stack.server().database();
        try {
            // every model call hangs, so the first paid step is certainly running when the signal comes
            stack.bedrock().delayResponses(Duration.ofMinutes(5));
            Uploads uploads = new Uploads(stack.server().as(stack.server().tokens().consumer("sigterm")));
            String id = uploads.submitUploadComplete(MediaFixtures.video(dir, "sigterm", 3, 320, 240), "held", List.of("milkmob"));
            List<String> held = awaitRunning(database, id);

            stack.server().close();

            assertThat(strings(database, "SELECT step || ':' || state || ':' || coalesce(lease_owner, '-') FROM job WHERE video_id = ?::uuid"
                    + " AND step = ANY (?)", id, held))
                    .as("the jobs it held, after the server ended").hasSize(held.size())
                    .allSatisfy(row -> assertThat(row).endsWith(":AVAILABLE:-"));
        } finally {
            stack.bedrock().delayResponses(Duration.ZERO);
            stack.close();
        }
    }

    /**
     * Defect 9: the database goes away while a step waits for Bedrock. The API answers 503 with Retry-After and
     * readiness is DOWN meanwhile; once the database is back, the step's outcome is recorded and the video
     * settles, long before the ten-minute lease of the job that was interrupted.
     */
    @Test
    void afterADatabaseOutageTheInterruptedJobsGoOnAtOnce() throws Exception {
        AtomicReference<CuttableLink> link = new AtomicReference<>();
        BedrockStack stack = BedrockStack.start("outage", Files.createDirectories(dir.resolve("outage")), Map.of("PIPELINE_LEASE", LONG_LEASE), url -> {
            URI database = URI.create(url.substring("jdbc:".length()));
            link.set(CuttableLink.to(database.getHost(), database.getPort()));
            return url.replace(":" + database.getPort() + "/", ":" + link.get().port() + "/");
        });
        TestDatabase database = stack.server().database();
        try {
            stack.bedrock().delayResponses(Duration.ofSeconds(6));
            ApiClient consumer = stack.server().as(stack.server().tokens().consumer("outage"));
            Uploads uploads = new Uploads(consumer);
            String id = uploads.submitUploadComplete(MediaFixtures.video(dir, "outage", 3, 320, 240), "interrupted", List.of("milkmob"));
            awaitRunning(database, id);

            link.get().cut();
            ApiResponse during = consumer.get("/api/videos/" + id);
            assertThat(during.status()).as(during.toString()).isEqualTo(503);
            assertThat(during.header("Retry-After")).isNotBlank();
            assertThat(during.json().getString("detail")).doesNotContain("127.0.0.1", "jdbc", "postgres");
            assertThat(stack.server().anonymous().get("/health/ready").status()).isEqualTo(503);
            // the model answers while the database is away, so the step's outcome has nowhere to go for a while
            Uploads.sleep(10_000);
            stack.bedrock().delayResponses(Duration.ZERO);
            link.get().restore();

            assertThat(uploads.awaitSettled(id).getString("status")).isIn("VALIDATED", "REJECTED");
            assertThat(strings(database, "SELECT operation FROM model_usage WHERE video_id = ?::uuid AND error_code IS NULL AND cost_usd > 0", id))
                    .as("no paid step ran twice").containsExactlyInAnyOrder("EMBED_VIDEO", "ANALYZE_VIDEO");
        } finally {
            stack.bedrock().delayResponses(Duration.ZERO);
            stack.close();
            if (link.get() != null) {
                link.get().close();
            }
        }
    }

    /** The steps of {@code videoId}'s jobs that a worker holds, once there is one. */
    static List<String> awaitRunning(TestDatabase database, String videoId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> running = strings(database, "SELECT step FROM job WHERE video_id = ?::uuid AND state = 'RUNNING'"
                    + " AND step IN ('understand', 'embed')", videoId);
            if (!running.isEmpty()) {
                return running;
            }
            Uploads.sleep(100);
        }
        throw new AssertionError("no job of " + videoId + " started running: " + strings(database,
                "SELECT step || ':' || state FROM job WHERE video_id = ?::uuid", videoId));
    }

    static List<String> strings(TestDatabase database, String sql, Object... parameters) throws Exception {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof List<?> list) {
                    s.setArray(i + 1, c.createArrayOf("text", list.toArray()));
                } else {
                    s.setObject(i + 1, parameters[i]);
                }
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
