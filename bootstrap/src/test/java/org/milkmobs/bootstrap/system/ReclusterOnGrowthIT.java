package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.media.testing.VideoFamilies;
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;

/**
 * ADR 0032 on the real WAR: once the mobs have grown by the configured share since the last re-clustering, the
 * housekeeper runs one by itself, long before the clock would, and once only; a later upload short of that share is
 * tidied up once the members have stood still for the settle period.
 */
class ReclusterOnGrowthIT {

    @TempDir
    static Path dir;

    @Test
    void mobsThatGrewByTheShareOrSettledAfterAChangeAreReclusteredWithoutAnAdminAsking() {
        Map<String, String> env = new HashMap<>(SystemTestServer.DEFAULTS);
        env.put("VALIDATION_UNPROVEN", "accept");
        env.put("MOBS_RECLUSTER_GROWTH", "0.5");
        env.put("MOBS_RECLUSTER_GROWTH_FROM", "3");
        env.put("MOBS_RECLUSTER_SETTLE", "PT3S");
        try (MilkMobsServer server = MilkMobsServer.start("growth", env)) {
            ApiClient admin = server.as(server.tokens().admin("growth-admin"));
            Uploads uploads = new Uploads(server.as(server.tokens().consumer("growth-fan")));
            List<VideoFamilies.Member> takes = VideoFamilies.generate(dir, VideoFamilies.FAMILIES.stream()
                    .filter(f -> f.name().equals("mandelbrot")).toList()).subList(0, 4);
            for (VideoFamilies.Member take : takes.subList(0, 3)) {
                String id = uploads.submitUploadComplete(take.file(), "mandelbrot " + take.variation(), List.of("#milkmob"));
                assertThat(uploads.awaitSettled(id).getString("status")).isEqualTo("VALIDATED");
            }

            JsonObject run = awaitRun(admin, "growth");

            assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED");
            assertThat(run.getInt("videos")).isEqualTo(3);
            Uploads.sleep(3000);
            assertThat(admin.get("/api/admin/mobs/recluster").json().getString("runId"))
                    .as("not again at the next ticks: the clustering is of these members, nothing to settle").isEqualTo(run.getString("runId"));

            VideoFamilies.Member fourth = takes.get(3);
            String late = uploads.submitUploadComplete(fourth.file(), "mandelbrot " + fourth.variation(), List.of("#milkmob"));
            assertThat(uploads.awaitSettled(late).getString("status")).isEqualTo("VALIDATED");
            JsonObject settled = awaitRun(admin, "settled");

            assertThat(settled.getString("status")).as(settled.toString()).isEqualTo("SUCCEEDED");
            assertThat(settled.getInt("videos")).as("4 is short of half as many again as 3: growth did not call it").isEqualTo(4);
        }
    }

    /** The latest run once it was called by {@code trigger} and finished. */
    private static JsonObject awaitRun(ApiClient admin, String trigger) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject latest = null;
        while (System.nanoTime() < deadline) {
            ApiResponse answer = admin.get("/api/admin/mobs/recluster");
            latest = answer.status() == 200 ? answer.json() : null;
            if (latest != null && latest.getString("trigger").equals(trigger) && !latest.getString("status").equals("RUNNING")) {
                return latest;
            }
            Uploads.sleep(300);
        }
        throw new AssertionError("no finished re-clustering called by " + trigger + " within 60 s; the latest: " + latest);
    }
}
