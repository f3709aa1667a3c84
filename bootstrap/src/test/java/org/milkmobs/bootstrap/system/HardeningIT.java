package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;

/** Regression tests, through the real WAR, for the defects of issue 19 that only the running service shows. */
@ExtendWith(SystemTestServer.class)
class HardeningIT {

    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path dir;

    private static MilkMobsServer server;
    private static ApiClient consumer;

    @BeforeAll
    static void connect(MilkMobsServer running) {
        server = running;
        consumer = server.as(server.tokens().consumer("hardening"));
    }

    /** Defect 1: ten simultaneous completes start one workflow, and every one of them is answered 202. */
    @Test
    void concurrentCompletesStartOneWorkflow() throws Exception {
        Uploads uploads = new Uploads(consumer);
        jakarta.json.JsonObject submitted = uploads.submit("ten completes", java.util.List.of("milkmob"));
        String id = submitted.getString("videoId");
        assertThat(uploads.upload(submitted, Uploads.read(MediaFixtures.video(dir, "ten-completes", 3, 320, 240))).status()).isEqualTo(204);

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return uploads.complete(id).status();
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(202);
            }
        } finally {
            pool.shutdownNow();
        }
        uploads.awaitSettled(id);

        java.util.List<String> types = consumer.get("/api/execution-history?videoId=" + id).json().getJsonArray("events")
                .getValuesAs(jakarta.json.JsonObject.class).stream()
                .map(e -> e.getString("type") + (e.containsKey("step") && !e.isNull("step") ? ":" + e.getString("step") : "")).toList();
        assertThat(types).containsOnlyOnce("ExecutionStarted", "TaskScheduled:preflight").doesNotContain("ExecutionRedriven");
    }

    /** Defect 3: an upload URL is spent by completing the upload and by deleting the video; later PUTs store nothing. */
    @Test
    void anUploadUrlIsSpentByCompleteAndByDelete() {
        Uploads uploads = new Uploads(consumer);
        byte[] clip = Uploads.read(MediaFixtures.video(dir, "spent", 3, 320, 240));
        jakarta.json.JsonObject completed = uploads.submit("spent by complete", java.util.List.of());
        assertThat(uploads.upload(completed, clip).status()).isEqualTo(204);
        assertThat(uploads.complete(completed.getString("videoId")).status()).isEqualTo(202);

        ApiResponse late = uploads.upload(completed, clip);
        assertThat(late.status()).as(late.toString()).isEqualTo(403);
        assertThat(late.json().getString("type")).endsWith("url-spent");

        jakarta.json.JsonObject deleted = uploads.submit("spent by delete", java.util.List.of());
        ApiClient admin = server.as(server.tokens().admin("hardening-admin"));
        assertThat(admin.delete("/api/admin/videos/" + deleted.getString("videoId")).status()).isEqualTo(204);
        assertThat(uploads.upload(deleted, clip).status()).isEqualTo(403);
        assertThat(server.workDir().resolve("data/blobs/uploads/" + deleted.getString("videoId"))).doesNotExist();
        uploads.awaitSettled(completed.getString("videoId"));
        assertThat(server.workDir().resolve("data/blobs/uploads/" + completed.getString("videoId"))).doesNotExist();
    }

    /** Defect 10: a token issued a day ahead is refused; one within the clock skew (60 s) is taken. */
    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        ApiResponse ahead = server.as(server.tokens().issuedAhead("time-traveller", java.time.Duration.ofDays(1))).get("/api/feed");
        assertThat(ahead.status()).isEqualTo(401);
        assertThat(ahead.contentType()).startsWith("application/problem+json");
        assertThat(ahead.json().getString("detail")).contains("issued in the future");

        assertThat(server.as(server.tokens().issuedAhead("slightly-fast-clock", java.time.Duration.ofSeconds(20))).get("/api/feed").status())
                .isEqualTo(200);
    }

    /** Defect 10: authorization schemes are case-insensitive (RFC 9110), whatever Payara's mechanism reads. */
    @Test
    void theSchemeIsReadInAnyCase() {
        String token = server.tokens().consumer("lower-case");
        for (String scheme : new String[] {"bearer ", "BEARER ", "bEaReR "}) {
            ApiResponse answer = server.anonymous().send(server.anonymous().request("/api/feed").header("Authorization", scheme + token));
            assertThat(answer.status()).as(scheme).isEqualTo(200);
        }
        ApiResponse forged = server.anonymous().send(server.anonymous().request("/api/feed").header("Authorization", "bearer not-a-jwt"));
        assertThat(forged.status()).isEqualTo(401);
    }

    /** Defect 7: anyone may ask whether the service is up, nobody learns the database's build or address. */
    @Test
    void healthSaysUpOrDownAndNothingAboutTheDatabase() {
        for (String path : new String[] {"/health", "/health/ready"}) {
            ApiResponse health = server.anonymous().get(path);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).contains("\"database\"").doesNotContain("product", "PostgreSQL", "Debian", "data\":{\"");
        }
    }

    /** Defect 8: the framework's WADL would list every resource to anyone. */
    @Test
    void theFrameworksWadlIsNotServed() {
        ApiResponse wadl = consumer.get("/api/application.wadl");
        assertThat(wadl.status()).isEqualTo(404);
        assertThat(wadl.contentType()).startsWith("application/problem+json");

        ApiResponse options = consumer.send(consumer.request("/api/feed").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(options.status()).isLessThan(500);
        assertThat(options.contentType()).doesNotContain("wadl");
        assertThat(options.body()).doesNotContain("<resource", "application");
    }

    /** Defect 2: deep nesting is a client error on every JSON endpoint, including those that read their body by hand. */
    @Test
    void deeplyNestedJsonIsA400() {
        String deep = "{\"query\":" + "[".repeat(3000) + "]".repeat(3000) + "}";
        for (String path : new String[] {"/api/search/videos", "/api/search/videos/by-image", "/api/search/videos/by-audio"}) {
            ApiResponse refused = consumer.postJson(path, deep);
            assertThat(refused.status()).as(path + ": " + refused).isEqualTo(400);
            assertThat(refused.json().getString("detail")).contains("nests deeper than 32 levels");
        }
    }

    /** Defect 6: a wrongly typed field is named by its JSON path, without Java names. */
    @Test
    void aWronglyTypedFieldIsNamedWithoutJavaNames() {
        ApiResponse refused = consumer.postJson("/api/videos/submit", "{\"title\":{\"a\":1},\"hashtags\":\"x\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("org.milkmobs", "java.", "class");
        assertThat(refused.json().getJsonArray("errors").toString()).contains("\"field\":\"title\"", "title must be a string",
                "\"field\":\"hashtags\"", "hashtags must be an array");
        assertThat(consumer.postJson("/api/videos/submit", "[]").json().getString("detail")).isEqualTo("the request body must be an object");
    }
}
