package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;

/** The admin dashboard's view of videos and of the pipeline, through the real WAR. */
@ExtendWith(SystemTestServer.class)
class AdminAndPipelineIT {

    @TempDir
    static Path dir;

    private static MilkMobsServer server;
    private static ApiClient admin;
    private static ApiClient owner;
    private static Uploads uploads;
    private static Path video;

    @BeforeAll
    static void start(MilkMobsServer running) {
        server = running;
        admin = server.as(server.tokens().admin("admin-root"));
        owner = server.as(server.tokens().consumer("admin-test-owner"));
        uploads = new Uploads(owner);
        video = MediaFixtures.video(dir, "admin-clip", 3, 320, 240);
    }

    @Test
    void adminsListEveryVideoNewestFirstWithFiltersAndCursorsAndConsumersCannot() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(uploads.submit("listed " + i, List.of()).getString("videoId"));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            ApiResponse page = admin.get("/api/admin/videos?userId=admin-test-owner&status=SUBMITTED&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().getJsonArray("items").getValuesAs(JsonObject.class).forEach(v -> {
                seen.add(v.getString("videoId"));
                assertThat(v.getString("ownerId")).isEqualTo("admin-test-owner");
                assertThat(v.getString("status")).isEqualTo("SUBMITTED");
            });
            cursor = !page.json().containsKey("nextCursor") || page.json().isNull("nextCursor") ? null : page.json().getString("nextCursor");
        } while (cursor != null);

        List<String> newestFirst = new ArrayList<>(mine);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).as("newest first, no duplicates, no gaps").containsExactlyElementsOf(newestFirst);
        ApiResponse consumer = owner.get("/api/admin/videos");
        assertThat(consumer.status()).isEqualTo(403);
        assertThat(consumer.contentType()).startsWith("application/problem+json");
        assertThat(admin.get("/api/admin/videos?status=NOPE").status()).isEqualTo(400);
        assertThat(admin.get("/api/admin/videos?limit=-1").status()).isEqualTo(400);
        assertThat(admin.get("/api/admin/videos?from=yesterday").status()).isEqualTo(400);
        assertThat(admin.get("/api/admin/videos?cursor=bm9wZQ").status()).isEqualTo(400);
    }

    @Test
    void anAdminDeleteLeavesNoFileAndNoRowAndIsIdempotent() throws Exception {
        String id = uploads.submitUploadComplete(video, "to delete", List.of("milkmob"));
        uploads.awaitSettled(id);
        assertThat(UploadFlowIT.filesOf(server.workDir().resolve("data/blobs"), id)).as("source and thumbnail").hasSize(2);

        assertThat(admin.delete("/api/admin/videos/" + id).status()).isEqualTo(204);
        assertThat(admin.delete("/api/admin/videos/" + id).status()).as("idempotent").isEqualTo(204);

        assertThat(admin.get("/api/videos/" + id).status()).isEqualTo(404);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!UploadFlowIT.filesOf(server.workDir().resolve("data/blobs"), id).isEmpty() && System.nanoTime() < deadline) {
            Uploads.sleep(250);
        }
        assertThat(UploadFlowIT.filesOf(server.workDir().resolve("data/blobs"), id)).isEmpty();
        for (String table : List.of("video", "analysis", "embedding", "workflow", "job", "workflow_event", "validation_decision",
                "mob_member")) {
            assertThat(count("SELECT count(*) FROM " + table + " WHERE " + (table.equals("video") ? "id" : "video_id") + " = '" + id + "'"))
                    .as(table).isZero();
        }
        assertThat(owner.delete("/api/admin/videos/" + id).status()).isEqualTo(403);
    }

    @Test
    void theExecutionHistoryListsTheWorkflowsEventsInOrder() {
        String id = uploads.submitUploadComplete(video, "history", List.of("milkmob"));
        uploads.awaitSettled(id);

        ApiResponse history = owner.get("/api/execution-history?videoId=" + id);

        assertThat(history.status()).isEqualTo(200);
        List<JsonObject> events = history.json().getJsonArray("events").getValuesAs(JsonObject.class);
        assertThat(events.get(0).getString("type")).isEqualTo("ExecutionStarted");
        assertThat(events.get(events.size() - 1).getString("type")).isEqualTo("ExecutionSucceeded");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).getInt("id")).isEqualTo(i + 1);
            assertThat(events.get(i).getInt("previousEventId")).isEqualTo(i);
            if (i > 0) { // defect 16: parallel branches made times go backwards in id order
                assertThat(java.time.Instant.parse(events.get(i).getString("timestamp")))
                        .as("event %d", i + 1).isAfterOrEqualTo(java.time.Instant.parse(events.get(i - 1).getString("timestamp")));
            }
        }
        Set<String> succeeded = new HashSet<>();
        events.stream().filter(e -> e.getString("type").equals("TaskSucceeded")).forEach(e -> succeeded.add(e.getString("step")));
        assertThat(succeeded).containsExactlyInAnyOrder("preflight", "thumbnail", "understand", "embed", "write-results", "validate",
                "cluster", "emit");
        assertThat(server.as(server.tokens().consumer("stranger")).get("/api/execution-history?videoId=" + id).status()).isEqualTo(404);
        assertThat(owner.get("/api/execution-history").status()).isEqualTo(400);
        assertThat(owner.get("/api/execution-history?videoId=nope").status()).isEqualTo(400);
    }

    @Test
    void aPausedStepHoldsItsJobsUntilResumedAndQueuesShowThem() {
        assertThat(admin.post("/api/admin/queues/thumbnail/pause", "application/json", new byte[0]).status()).isEqualTo(200);
        String id;
        try {
            id = uploads.submitUploadComplete(video, "paused thumbnail", List.of("milkmob"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            JsonObject thumbnailQueue = null;
            while (System.nanoTime() < deadline) {
                thumbnailQueue = queue("thumbnail");
                JsonObject progress = owner.get("/api/videos/" + id).json().getJsonObject("progress");
                boolean othersDone = progress.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                        .filter(s -> s.getString("step").equals("embed")).anyMatch(s -> s.getString("state").equals("COMPLETED"));
                if (othersDone) {
                    break;
                }
                Uploads.sleep(250);
            }
            assertThat(thumbnailQueue.getBoolean("paused")).isTrue();
            assertThat(thumbnailQueue.getJsonObject("counts").getInt("AVAILABLE")).isGreaterThanOrEqualTo(1);
            assertThat(owner.get("/api/videos/" + id).json().getJsonObject("progress").getJsonArray("currentSteps").toString())
                    .contains("thumbnail");
        } finally {
            assertThat(admin.post("/api/admin/queues/thumbnail/resume", "application/json", new byte[0]).status()).isEqualTo(200);
        }
        assertThat(uploads.awaitSettled(id).getString("thumbnailUrl")).isNotBlank();
        assertThat(admin.post("/api/admin/queues/nothing/pause", "application/json", new byte[0]).status()).isEqualTo(400);
    }

    @Test
    void anAdminCancelsAWorkflowAndRetriesIt() {
        assertThat(admin.post("/api/admin/queues/embed/pause", "application/json", new byte[0]).status()).isEqualTo(200);
        String id;
        long embedJob;
        try {
            id = uploads.submitUploadComplete(video, "cancel me", List.of("milkmob"));
            embedJob = awaitJob(id, "embed", "AVAILABLE");

            ApiResponse cancelled = admin.post("/api/admin/jobs/" + embedJob + "/cancel", "application/json", new byte[0]);
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
            assertThat(cancelled.json().getString("state")).isEqualTo("CANCELLED");
            JsonObject stopped = owner.get("/api/videos/" + id).json();
            assertThat(stopped.getString("status")).isEqualTo("FAILED");
            assertThat(stopped.getJsonObject("failure").getString("code")).isEqualTo("CANCELLED");
        } finally {
            admin.post("/api/admin/queues/embed/resume", "application/json", new byte[0]);
        }

        ApiResponse retried = admin.post("/api/admin/jobs/" + embedJob + "/retry", "application/json", new byte[0]);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(uploads.awaitSettled(id).getString("status")).isEqualTo("VALIDATED");
        assertThat(admin.get("/api/admin/jobs?state=CANCELLED&step=embed").status()).isEqualTo(200);
        assertThat(admin.get("/api/admin/jobs?state=WHATEVER").status()).isEqualTo(400);
        assertThat(admin.post("/api/admin/jobs/999999999/retry", "application/json", new byte[0]).status()).isEqualTo(404);
        assertThat(owner.post("/api/admin/jobs/" + embedJob + "/retry", "application/json", new byte[0]).status()).isEqualTo(403);

        // the job has completed now: neither action applies, as the document says (409, not 200 or a field error)
        for (String action : List.of("cancel", "retry")) {
            ApiResponse refused = admin.post("/api/admin/jobs/" + embedJob + "/" + action, "application/json", new byte[0]);
            assertThat(refused.status()).as(action + ": " + refused).isEqualTo(409);
            assertThat(refused.json().getString("detail")).contains("is COMPLETED");
            assertThat(refused.json().containsKey("errors")).isFalse();
        }
    }

    private static long awaitJob(String videoId, String step, String state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            ApiResponse jobs = admin.get("/api/admin/jobs?step=" + step + "&state=" + state + "&limit=200");
            for (JsonObject job : jobs.json().getJsonArray("items").getValuesAs(JsonObject.class)) {
                if (job.getString("videoId").equals(videoId)) {
                    return job.getJsonNumber("id").longValue();
                }
            }
            Uploads.sleep(250);
        }
        throw new AssertionError("no " + state + " " + step + " job for " + videoId);
    }

    private static JsonObject queue(String step) {
        return admin.get("/api/admin/queues").json().getJsonArray("queues").getValuesAs(JsonObject.class).stream()
                .filter(q -> q.getString("step").equals(step)).findFirst().orElseThrow();
    }

    private static long count(String sql) {
        try (var c = server.database().dataSource().getConnection(); var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
