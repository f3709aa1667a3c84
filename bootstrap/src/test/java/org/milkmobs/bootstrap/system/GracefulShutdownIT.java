package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.adapters.persistence.testing.TestDatabase;

/**
 * Defect 4 of the hardening issue: SIGTERM while jobs run (or were just claimed) hands them back at once, instead of
 * leaving them RUNNING until their lease expires (two minutes by default, a stalled pipeline meanwhile).
 */
class GracefulShutdownIT {

    @TempDir
    static Path dir;

    @Test
    void sigtermGivesBackEveryJobItHasNotFinished() throws Exception {
        MilkMobsServer server = MilkMobsServer.start("shutdown", Map.of(
                // no grace: every job in flight is one the shutdown interrupts
                "PIPELINE_SHUTDOWN_GRACE", "PT0S",
                "MOBS_RECLUSTER_EVERY", "PT24H"));
        TestDatabase database = server.database();
        try {
            Uploads uploads = new Uploads(server.as(server.tokens().consumer("shutdown-fan")));
            for (int i = 0; i < 3; i++) {
                uploads.submitUploadComplete(MediaFixtures.video(dir, "long-" + i, 12, 640, 360), "long " + i, List.of("milkmob"));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (count(database, "state = 'RUNNING'") == 0) {
                assertThat(System.nanoTime()).as("a job started within 90 s").isLessThan(deadline);
                Thread.sleep(50);
            }
        } finally {
            server.close(); // SIGTERM, and waits until the process is gone
        }

        assertThat(count(database, "state = 'RUNNING'")).as("jobs left RUNNING (leased by a dead instance)").isZero();
        assertThat(count(database, "lease_owner IS NOT NULL")).isZero();
        assertThat(count(database, "state = 'AVAILABLE'")).as("what was in flight waits for the next instance").isPositive();
    }

    private static long count(TestDatabase database, String condition) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM job WHERE " + condition)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
