package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Issue 24, points 1, 3 and 4: three instances behind nginx, files in S3 (S3Proxy), one PostgreSQL. Under steady
 * load (uploads, feed, video pages, search) the instances restart one by one, then one is killed with kill -9.
 * Nothing that nginx could retry fails, no video is lost or stuck, no step completes twice, and the killed
 * instance's jobs run again within the configured lease.
 */
class RollingRestartIT {

    private static final int INSTANCES = 3;
    private static final String LEASE = "PT15S";

    @TempDir
    static Path dir;

    @Test
    void instancesRestartOneByOneAndOneIsKilledUnderLoadAndNothingIsLost() throws Exception {
        try (S3ProxyServer s3 = S3ProxyServer.start(dir.resolve("s3"))) {
            try (var client = S3Clients.create(Region.US_EAST_1, StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)), Optional.of(s3.endpoint()), true)) {
                client.createBucket(b -> b.bucket("milkmobs"));
            }
            Map<String, String> env = new HashMap<>(SystemTestServer.DEFAULTS);
            env.putAll(MilkMobsServer.env("CLUSTER_ENABLED", "true", "STORAGE_BACKEND", "s3", "STORAGE_S3_BUCKET", "milkmobs",
                    "STORAGE_S3_ENDPOINT", s3.endpoint().toString(), "STORAGE_S3_PATH_STYLE", "true",
                    "AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY, "AWS_REGION", "us-east-1",
                    "PIPELINE_LEASE", LEASE, "HOUSEKEEPING_TERM", "PT6S"));
            List<MilkMobsServer> instances = new ArrayList<>();
            instances.add(MilkMobsServer.start("rolling-0", env));
            MilkMobsServer first = instances.get(0);
            Map<String, String> joining = new HashMap<>(env);
            joining.putAll(MilkMobsServer.env("DB_URL", first.database().jdbcUrl(), "DB_USER", first.database().user(),
                    "DB_PASSWORD", first.database().password(),
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION", first.workDir().resolve("jwt-public-key.pem").toUri().toString()));
            try {
                for (int i = 1; i < INSTANCES; i++) {
                    instances.add(MilkMobsServer.start("rolling-" + i, joining));
                }
                try (Nginx nginx = Nginx.inFrontOf(dir.resolve("nginx"), instances.stream().map(s -> s.uri("/")).toList())) {
                    ApiClient consumer = new ApiClient(nginx.baseUri(), first.tokens().consumer("rolling"));
                    Load load = new Load(consumer, List.of(
                            MediaFixtures.video(dir, "rolling-a", 2, 320, 240), MediaFixtures.video(dir, "rolling-b", 3, 320, 240),
                            MediaFixtures.video(dir, "rolling-c", 2, 240, 320), MediaFixtures.video(dir, "rolling-d", 3, 240, 320)));
                    load.start();
                    Uploads.sleep(5_000);
                    for (int i = 0; i < INSTANCES; i++) {
                        instances.get(i).close();
                        instances.set(i, instances.get(i).restart());
                        Uploads.sleep(3_000);
                    }
                    long killedAt = System.nanoTime();
                    instances.get(1).kill();
                    Set<String> inFlightAtKill = load.uploadedSoFar();
                    Uploads.sleep(5_000);
                    load.stop();
                    instances.set(1, instances.get(1).restart());

                    Uploads uploads = new Uploads(consumer);
                    Map<String, String> statuses = new TreeMap<>();
                    for (String id : load.uploaded()) {
                        statuses.put(id, uploads.awaitSettled(id).getString("status"));
                    }
                    double settledAfterKillSeconds = (System.nanoTime() - killedAt) / 1e9;
                    System.out.printf("rolling restart: %s; nginx passed %d requests on to another instance;"
                                    + " %d videos, all settled %.1f s after the kill -9 (lease %s)%n",
                            load.summary(), nginx.upstreamErrors(), statuses.size(), settledAfterKillSeconds, LEASE);

                    assertThat(load.uploaded()).as("videos uploaded during the restarts").hasSizeGreaterThanOrEqualTo(5);
                    assertThat(inFlightAtKill).isNotEmpty();
                    assertThat(statuses.values()).as("no video lost or failed").allSatisfy(s -> assertThat(s).isIn("VALIDATED", "REJECTED"));
                    assertThat(load.failedReads()).as("reads nginx could retry never fail").isEmpty();
                    assertThat(load.lostWrites()).as("a write cut off by a stopping instance succeeds when the client retries it"
                            + " with its Idempotency-Key").isEmpty();
                    assertThat(stepsCompletedTwice(first)).as("no step completed twice").isEmpty();
                    assertThat(count(first, "SELECT count(*) FROM job WHERE state IN ('RUNNING', 'AVAILABLE')")).isZero();
                }
            } finally {
                for (MilkMobsServer instance : instances) {
                    instance.close();
                }
            }
        }
    }

    private static List<String> stepsCompletedTwice(MilkMobsServer server) throws Exception {
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
     * Two clients: one uploads (submit with an Idempotency-Key, PUT to S3, complete; a failed write is retried as a
     * careful client does), one reads (feed, a video page, a text search). Every answer is counted by kind and status.
     */
    private static final class Load {

        private final ApiClient api;
        private final List<Path> files;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<String> uploaded = new CopyOnWriteArrayList<>();
        private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        private final List<String> failedReads = new CopyOnWriteArrayList<>();
        private final List<String> lostWrites = new CopyOnWriteArrayList<>();
        private final List<Thread> threads = new ArrayList<>();

        Load(ApiClient api, List<Path> files) {
            this.api = api;
            this.files = files;
        }

        void start() {
            threads.add(new Thread(this::write, "load-writer"));
            threads.add(new Thread(this::read, "load-reader"));
            threads.forEach(Thread::start);
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
                        .POST(HttpRequest.BodyPublishers.ofString(body))), 201);
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
                Uploads.sleep(400);
            }
        }

        private void read() {
            while (running.get()) {
                once("feed", api::get, "/api/videos/feed?limit=10");
                if (!uploaded.isEmpty()) {
                    once("video", api::get, "/api/videos/" + uploaded.get(uploaded.size() - 1));
                }
                Uploads.sleep(100);
            }
        }

        private void once(String kind, java.util.function.Function<String, ApiResponse> call, String path) {
            try {
                ApiResponse response = call.apply(path);
                count(kind, String.valueOf(response.status()));
                if (response.status() != 200) {
                    failedReads.add(kind + " " + response.status() + " " + response.body());
                }
            } catch (RuntimeException e) {
                count(kind, "io-error");
                failedReads.add(kind + " " + e);
            }
        }

        /** A write, retried up to five times (same Idempotency-Key) when it was cut off; empty when it never succeeded. */
        private Optional<ApiResponse> retried(String kind, java.util.function.Supplier<ApiResponse> call, Integer... success) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                try {
                    ApiResponse response = call.get();
                    count(kind, String.valueOf(response.status()));
                    if (List.of(success).contains(response.status())) {
                        return Optional.of(response);
                    }
                } catch (RuntimeException e) {
                    count(kind, "io-error");
                }
                Uploads.sleep(500);
            }
            lostWrites.add(kind);
            return Optional.empty();
        }

        private void count(String kind, String status) {
            answers.computeIfAbsent(kind + " " + status, k -> new AtomicInteger()).incrementAndGet();
        }

        Set<String> uploadedSoFar() {
            return Set.copyOf(uploaded);
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
