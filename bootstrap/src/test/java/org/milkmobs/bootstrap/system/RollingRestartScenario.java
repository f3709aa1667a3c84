package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.aws.s3.S3Clients;
import org.milkmobs.adapters.aws.testing.S3ProxyServer;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Issue 24, points 1, 3 and 4, with the figures of the README's "Scaling out": three instances behind nginx, files in
 * S3 (S3Proxy), one PostgreSQL. First the pipeline's throughput with one instance and with three; then, under steady
 * load (uploads, feed, video pages, text search), the instances restart one by one, then the one holding most jobs is
 * killed with kill -9. Nothing nginx could retry fails, a write cut off is the client's to retry with its
 * Idempotency-Key and then succeeds, no video is lost or stuck, no step succeeds twice, and the killed instance's jobs
 * run again within a lease and a half.
 *
 * <p>Not a *IT: six boots of the WAR and a steady load, minutes on an idle machine and more than an hour on this
 * shared one (ADR 0023), too much for the test command. {@code ./mm
 * cluster-test} runs it (failsafe with {@code -Dit.test=RollingRestartScenario}).
 */
class RollingRestartScenario {

    private static final int INSTANCES = 3;
    private static final Duration LEASE = Duration.ofSeconds(15);
    /** Heartbeats renew every third of a lease, the rescuer looks every half: a lease and a half, and a loaded machine's slack. */
    private static final Duration STALL_BOUND = LEASE.multipliedBy(3).dividedBy(2).plusSeconds(10);
    private static final int THROUGHPUT_VIDEOS = 8;
    private static final Duration WRITE_EVERY = Duration.ofSeconds(10);

    @TempDir
    static Path dir;

    @Test
    void throughputThenARollingRestartAndAKillUnderLoadAndNothingIsLost() throws Exception {
        try (S3ProxyServer s3 = S3ProxyServer.start(dir.resolve("s3"))) {
            try (var client = S3Clients.create(Region.US_EAST_1, StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)), Optional.of(s3.endpoint()), true)) {
                client.createBucket(b -> b.bucket("milkmobs"));
            }
            Map<String, String> env = new HashMap<>(SystemTestServer.DEFAULTS);
            env.putAll(MilkMobsServer.env("CLUSTER_ENABLED", "true", "STORAGE_BACKEND", "s3", "STORAGE_S3_BUCKET", "milkmobs",
                    "STORAGE_S3_ENDPOINT", s3.endpoint().toString(), "STORAGE_S3_PATH_STYLE", "true",
                    "AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY, "AWS_REGION", "us-east-1",
                    "PIPELINE_LEASE", LEASE.toString(), "HOUSEKEEPING_TERM", "PT6S",
                    // the load is one user: its limits are not what this measures
                    "RATE_LIMIT_SUBMIT_REQUESTS", "100000", "RATE_LIMIT_SEARCH_REQUESTS", "100000"));
            List<MilkMobsServer> instances = new ArrayList<>();
            Map<String, String> figures = new LinkedHashMap<>();
            try {
                instances.add(MilkMobsServer.start("rolling-0", env));
                MilkMobsServer first = instances.get(0);
                List<Path> files = List.of(
                        MediaFixtures.video(dir, "rolling-a", 2, 320, 240), MediaFixtures.video(dir, "rolling-b", 3, 320, 240),
                        MediaFixtures.video(dir, "rolling-c", 2, 240, 320), MediaFixtures.video(dir, "rolling-d", 3, 240, 320));
                String token = first.tokens().consumer("rolling");
                figures.put("pipeline, 1 instance", throughput(new ApiClient(first.uri("/"), token), files, "one"));

                Map<String, String> joining = new HashMap<>(env);
                joining.putAll(MilkMobsServer.env("DB_URL", first.database().jdbcUrl(), "DB_USER", first.database().user(),
                        "DB_PASSWORD", first.database().password(),
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", first.workDir().resolve("jwt-public-key.pem").toUri().toString()));
                // the others boot side by side: on a machine shared with other work, two boots at once take less wall time
                long bootStart = System.nanoTime();
                List<CompletableFuture<MilkMobsServer>> joiners = new ArrayList<>();
                for (int i = 1; i < INSTANCES; i++) {
                    String name = "rolling-" + i;
                    joiners.add(CompletableFuture.supplyAsync(() -> MilkMobsServer.start(name, joining)));
                }
                joiners.forEach(joiner -> instances.add(joiner.join()));
                figures.put("boot of instances 1 and 2 side by side", seconds(bootStart));
                try (Nginx nginx = Nginx.inFrontOf(dir.resolve("nginx"), instances.stream().map(s -> s.uri("/")).toList())) {
                    ApiClient consumer = new ApiClient(nginx.baseUri(), token);
                    figures.put("pipeline, 3 instances", throughput(consumer, files, "three"));

                    Load load = new Load(consumer, files);
                    load.start("warm-up");
                    Uploads.sleep(5_000);
                    load.phase("rolling restart");
                    for (int i = 0; i < INSTANCES; i++) {
                        instances.get(i).close();
                        long restartStart = System.nanoTime();
                        instances.set(i, instances.get(i).restart());
                        figures.put("boot of instance " + i + " under load", seconds(restartStart));
                        Uploads.sleep(3_000);
                    }
                    load.phase("after the restarts");
                    Uploads.sleep(3_000);
                    figures.put("rolling restart: requests served / failed", load.servedAndFailed("rolling restart"));
                    figures.put("rolling restart: first tries of writes cut off (retried by the client)", String.valueOf(load.cutOffWrites()));

                    load.phase("kill -9");
                    Killed killed = killTheBusiest(instances, first);
                    Duration longestStall = awaitResumed(first, killed);
                    figures.put("kill -9: jobs held by the killed instance", String.valueOf(killed.jobs().size()));
                    figures.put("kill -9: longest stall of a video (kill -> its job runs elsewhere or is done)",
                            String.format("%.1f s (bound %s s: lease %s x 1.5 + 10 s)", longestStall.toMillis() / 1000.0,
                                    STALL_BOUND.toSeconds(), LEASE.toSeconds()));
                    load.phase("after the kill");
                    Uploads.sleep(3_000);
                    load.stop();

                    Uploads uploads = new Uploads(consumer);
                    Map<String, String> statuses = new TreeMap<>();
                    for (String id : load.uploaded()) {
                        statuses.put(id, uploads.awaitSettled(id).getString("status"));
                    }
                    figures.put("requests by phase, kind and answer", load.summary());
                    figures.put("requests nginx passed on to another instance", String.valueOf(nginx.upstreamErrors()));
                    figures.put("videos uploaded under load", String.valueOf(statuses.size()));
                    figures.forEach((name, value) -> System.out.printf("cluster figure | %s | %s%n", name, value));

                    assertThat(load.uploaded()).as("videos uploaded during the restarts").hasSizeGreaterThanOrEqualTo(5);
                    assertThat(killed.jobs()).as("the killed instance held jobs").isNotEmpty();
                    assertThat(longestStall).as("the killed instance's jobs run again within a lease and a half").isLessThanOrEqualTo(STALL_BOUND);
                    assertThat(statuses.values()).as("no video lost or failed").allSatisfy(s -> assertThat(s).isIn("VALIDATED", "REJECTED"));
                    assertThat(load.failedReads()).as("reads (nginx retries them on another instance) never fail").isEmpty();
                    assertThat(load.lostWrites()).as("a write cut off by a stopping instance succeeds when the client retries it"
                            + " with its Idempotency-Key").isEmpty();
                    assertThat(stepsSucceededTwice(first)).as("no step succeeded twice").isEmpty();
                    assertThat(count(first, "SELECT count(*) FROM job WHERE state IN ('RUNNING', 'AVAILABLE', 'DEAD')")).isZero();
                }
            } finally {
                figures.forEach((name, value) -> System.out.printf("cluster figure | %s | %s%n", name, value));
                for (MilkMobsServer instance : instances) {
                    instance.close();
                }
            }
        }
    }

    /** Uploads {@value #THROUGHPUT_VIDEOS} videos at once and times them from the first completion to the last settled. */
    private static String throughput(ApiClient api, List<Path> files, String label) {
        Uploads uploads = new Uploads(api);
        List<JsonObject> submitted = new ArrayList<>();
        for (int i = 0; i < THROUGHPUT_VIDEOS; i++) {
            JsonObject video = uploads.submit("throughput " + label + " " + i, List.of("milkmob"));
            // S3 answers a PUT with 200, the local store with 204
            assertThat(uploads.upload(video, Uploads.read(files.get(i % files.size()))).status()).isIn(200, 204);
            submitted.add(video);
        }
        long start = System.nanoTime();
        submitted.forEach(video -> assertThat(uploads.complete(video.getString("videoId")).status()).isEqualTo(202));
        submitted.forEach(video -> assertThat(uploads.awaitSettled(video.getString("videoId")).getString("status")).isIn("VALIDATED", "REJECTED"));
        double elapsed = (System.nanoTime() - start) / 1e9;
        return String.format("%.1f videos/min (%d videos of 2-3 s in %.1f s)", THROUGHPUT_VIDEOS * 60 / elapsed, THROUGHPUT_VIDEOS, elapsed);
    }

    private record Killed(int index, String owner, List<Long> jobs, long atNanos) {
    }

    /** kill -9 of the instance that holds the most running jobs (waiting up to a minute for one to hold any). */
    private static Killed killTheBusiest(List<MilkMobsServer> instances, MilkMobsServer db) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Connection c = db.database().dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT lease_owner, count(*) FROM job WHERE state = 'RUNNING' GROUP BY lease_owner ORDER BY 2 DESC")) {
                while (rows.next()) {
                    String owner = rows.getString(1);
                    for (int i = 0; i < instances.size(); i++) {
                        // InstanceName: pid@host/random
                        if (owner.startsWith(instances.get(i).pid() + "@")) {
                            instances.get(i).kill();
                            long at = System.nanoTime();
                            return new Killed(i, owner, jobsOf(db, owner), at);
                        }
                    }
                }
            }
            assertThat(System.nanoTime()).as("an instance of the cluster holds running jobs").isLessThan(deadline);
            Uploads.sleep(200);
        }
    }

    private static List<Long> jobsOf(MilkMobsServer db, String owner) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = db.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM job WHERE state = 'RUNNING' AND lease_owner = ?")) {
            s.setString(1, owner);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Until each of the killed instance's jobs runs on another instance or is done; the longest wait. */
    private static Duration awaitResumed(MilkMobsServer db, Killed killed) throws Exception {
        Map<Long, Duration> resumed = new HashMap<>();
        long deadline = killed.atNanos() + STALL_BOUND.multipliedBy(3).toNanos();
        while (resumed.size() < killed.jobs().size() && System.nanoTime() < deadline) {
            try (Connection c = db.database().dataSource().getConnection();
                 PreparedStatement s = c.prepareStatement("SELECT id FROM job WHERE id = ANY (?) AND (state = 'COMPLETED'"
                         + " OR (state = 'RUNNING' AND lease_owner <> ?))")) {
                s.setArray(1, c.createArrayOf("bigint", killed.jobs().toArray()));
                s.setString(2, killed.owner());
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        resumed.putIfAbsent(rows.getLong(1), Duration.ofNanos(System.nanoTime() - killed.atNanos()));
                    }
                }
            }
            Uploads.sleep(200);
        }
        assertThat(resumed.keySet()).as("the killed instance's jobs ran again").containsExactlyInAnyOrderElementsOf(killed.jobs());
        return resumed.values().stream().max(Duration::compareTo).orElseThrow();
    }

    private static String seconds(long sinceNanos) {
        return String.format("%.1f s", (System.nanoTime() - sinceNanos) / 1e9);
    }

    private static List<String> stepsSucceededTwice(MilkMobsServer server) throws Exception {
        List<String> twice = new ArrayList<>();
        try (Connection c = server.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT video_id || ' ' || step FROM workflow_event WHERE type = 'TaskSucceeded'"
                     + " GROUP BY video_id, step HAVING count(*) > 1")) {
            while (rows.next()) {
                twice.add(rows.getString(1));
            }
        }
        return twice;
    }

    private static long count(MilkMobsServer server, String sql) throws Exception {
        try (Connection c = server.database().dataSource().getConnection(); Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Two clients: one uploads (submit with an Idempotency-Key, PUT to S3, complete; a write cut off is retried as a
     * careful client does), one reads (feed, a video page, a text search). Every answer is counted by phase, kind and
     * status.
     */
    private static final class Load {

        private final ApiClient api;
        private final List<Path> files;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private volatile String phase;
        private final List<String> uploaded = new CopyOnWriteArrayList<>();
        private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        private final List<String> failedReads = new CopyOnWriteArrayList<>();
        private final List<String> lostWrites = new CopyOnWriteArrayList<>();
        private final AtomicInteger cutOffWrites = new AtomicInteger();
        private final List<Thread> threads = new ArrayList<>();

        Load(ApiClient api, List<Path> files) {
            this.api = api;
            this.files = files;
        }

        void start(String firstPhase) {
            phase = firstPhase;
            threads.add(new Thread(this::write, "load-writer"));
            threads.add(new Thread(this::read, "load-reader"));
            threads.forEach(Thread::start);
        }

        void phase(String name) {
            phase = name;
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(Duration.ofMinutes(2).toMillis());
            }
        }

        private void write() {
            int n = 0;
            while (running.get()) {
                Path file = files.get(n % files.size());
                String key = UUID.randomUUID().toString();
                String body = Json.createObjectBuilder().add("title", "rolling " + n).add("hashtags", Json.createArrayBuilder().add("milkmob"))
                        .build().toString();
                Optional<ApiResponse> submitted = retried("submit", () -> api.send(api.request("/api/videos/submit")
                        .header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body))), 200, 201);
                if (submitted.isPresent()) {
                    JsonObject video = submitted.get().json();
                    String id = video.getString("videoId");
                    Optional<ApiResponse> put = retried("upload", () -> new Uploads(api).upload(video, Uploads.read(file)), 200, 204);
                    Optional<ApiResponse> completed = put.flatMap(ignored -> retried("complete", () -> new Uploads(api).complete(id), 202));
                    if (completed.isPresent()) {
                        uploaded.add(id);
                    }
                }
                n++;
                // a steady trickle the pipeline keeps up with on a shared two-core machine (boots take minutes here):
                // the point is videos in every stage while instances go, not a backlog
                Uploads.sleep(WRITE_EVERY.toMillis());
            }
        }

        private void read() {
            String search = Json.createObjectBuilder().add("query", "milk mob").add("limit", 10).build().toString();
            while (running.get()) {
                once("feed", () -> api.get("/api/videos/feed?limit=10"));
                if (!uploaded.isEmpty()) {
                    String id = uploaded.get(uploaded.size() - 1);
                    once("video", () -> api.get("/api/videos/" + id));
                }
                once("search", () -> api.postJson("/api/search/videos", search));
                Uploads.sleep(250);
            }
        }

        private void once(String kind, Supplier<ApiResponse> call) {
            String when = phase;
            try {
                ApiResponse response = call.get();
                count(when, kind, String.valueOf(response.status()));
                if (response.status() != 200) {
                    failedReads.add(when + ": " + kind + " " + response.status() + " " + response.body());
                }
            } catch (RuntimeException | AssertionError e) {
                count(when, kind, "io-error");
                failedReads.add(when + ": " + kind + " " + e);
            }
        }

        /** A write, retried up to five times (same Idempotency-Key) when it was cut off; empty when it never succeeded. */
        private Optional<ApiResponse> retried(String kind, Supplier<ApiResponse> call, Integer... success) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                String when = phase;
                try {
                    ApiResponse response = call.get();
                    count(when, kind, String.valueOf(response.status()));
                    if (List.of(success).contains(response.status())) {
                        return Optional.of(response);
                    }
                } catch (RuntimeException | AssertionError e) {
                    count(when, kind, "io-error");
                }
                cutOffWrites.incrementAndGet();
                Uploads.sleep(500);
            }
            lostWrites.add(kind);
            return Optional.empty();
        }

        private void count(String when, String kind, String status) {
            answers.computeIfAbsent(when + " / " + kind + " " + status, k -> new AtomicInteger()).incrementAndGet();
        }

        String servedAndFailed(String when) {
            int served = 0;
            int failed = 0;
            for (var answer : answers.entrySet()) {
                if (answer.getKey().startsWith(when + " / ")) {
                    String status = answer.getKey().substring(answer.getKey().lastIndexOf(' ') + 1);
                    if (status.startsWith("2")) {
                        served += answer.getValue().get();
                    } else {
                        failed += answer.getValue().get();
                    }
                }
            }
            return served + " / " + failed;
        }

        int cutOffWrites() {
            return cutOffWrites.get();
        }

        List<String> uploaded() {
            return List.copyOf(uploaded);
        }

        List<String> failedReads() {
            return failedReads;
        }

        List<String> lostWrites() {
            return lostWrites;
        }

        String summary() {
            return new TreeMap<>(answers).toString();
        }
    }
}
