package org.milkmobs.bootstrap.bench;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.milkmobs.bootstrap.system.MilkMobsServer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * How the cost of the list and search requests grows with the catalogue: one server, its catalogue grown by
 * COPY to each size in turn (validated videos in 64 mobs, a visual and an audio asset vector each, searchable
 * titles and hashtags), and at each size the same requests: a feed page, a mob page, similar videos, a text
 * search, the admin video list, and one video (the HTTP floor). Per request: p50/p95 of sequential requests and
 * req/s of 4 concurrent clients; then each size's ratio to the first. Beside them, the feed statement as it was
 * before ADR 0018 (ranking every validated video), run on the same data.
 * {@code ./mm bench growth [sizes, e.g. 1000,10000,100000] [requests] [warm-up]}.
 */
public final class GrowthBenchmark {

    private static final int MOBS = 64;
    private static final int DIMENSION = 128;
    private static final int CLIENTS = 4;
    private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");
    private static final String SPACE = "local-perceptual-v1|bench";

    /** The feed statement before ADR 0018, for the side-by-side figure. */
    private static final String FEED_BEFORE = """
            WITH eligible AS (
                SELECT v.id, v.created_at, m.mob_id,
                       (row_number() OVER (PARTITION BY coalesce(m.mob_id, v.id) ORDER BY v.created_at DESC, v.id DESC) - 1) / 3 AS round
                FROM video v LEFT JOIN mob_member m ON m.video_id = v.id
                WHERE v.status = 'VALIDATED' AND v.created_at <= now() AND (m.assigned_at IS NULL OR m.assigned_at <= now())
            )
            SELECT id, mob_id, round FROM eligible ORDER BY round, created_at DESC, id DESC LIMIT 21
            """;

    private final MilkMobsServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String consumer;
    private final String admin;
    private final Random random = new Random(7);
    private final UUID[] mobs = new UUID[MOBS];
    private final long[] mobSeq = new long[MOBS];
    private final Random vectors = new Random(42);
    private final float[][] visualCentres = new float[MOBS][];
    private final float[][] audioCentres = new float[MOBS][];
    private int loaded;

    private GrowthBenchmark(MilkMobsServer server) {
        this.server = server;
        this.consumer = server.tokens().consumer("bench-fan");
        this.admin = server.tokens().admin("bench-admin");
        for (int m = 0; m < MOBS; m++) {
            mobs[m] = new UUID(0x0180000000007000L | m, 0x8000000000000000L | m);
            visualCentres[m] = gaussian(vectors, DIMENSION, 1);
            audioCentres[m] = gaussian(vectors, DIMENSION, 1);
        }
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "1000,10000,100000").split(",")).mapToInt(Integer::parseInt).sorted().toArray();
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 1500;
        try (MilkMobsServer server = MilkMobsServer.start("bench-growth", Map.of("MOBS_RECLUSTER_EVERY", "P365D",
                "RATE_LIMIT_SEARCH_REQUESTS", "100000000", "HOUSEKEEPING_INTERVAL", "PT1H"), "1g")) {
            GrowthBenchmark bench = new GrowthBenchmark(server);
            Map<Integer, Map<String, double[]>> results = new LinkedHashMap<>();
            for (int size : sizes) {
                long started = System.nanoTime();
                bench.growTo(size);
                System.out.printf(Locale.ROOT, "%n%,d validated videos (grown by COPY and indexed in %.1f s)%n", size,
                        (System.nanoTime() - started) / 1e9);
                if (results.isEmpty()) {
                    bench.warmUp(warmup);
                }
                Map<String, double[]> figures = bench.measure(requests);
                results.put(size, figures);
            }
            printRatios(results);
        }
    }

    private Map<String, IntFunction<HttpRequest>> requests() {
        Map<String, IntFunction<HttpRequest>> all = new LinkedHashMap<>();
        all.put("GET /api/videos/feed (page 1)", i -> get("/api/videos/feed?limit=20", consumer));
        all.put("GET /api/mobs/{id} (members)", i -> get("/api/mobs/" + mobs[random(MOBS)] + "?limit=20", consumer));
        all.put("GET /api/search/similar", i -> get("/api/search/similar?videoId=" + videoId(random(loaded)) + "&limit=10", consumer));
        all.put("POST /api/search/videos (text)", i -> HttpRequest.newBuilder(server.uri("/api/search/videos"))
                .header("Authorization", "Bearer " + consumer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"cluster" + random(MOBS) + " milk\",\"limit\":10}")).build());
        all.put("GET /api/admin/videos", i -> get("/api/admin/videos?limit=20", admin));
        all.put("GET /api/videos/{id} (floor)", i -> get("/api/videos/" + videoId(random(loaded)), consumer));
        return all;
    }

    private synchronized int random(int bound) {
        return random.nextInt(bound);
    }

    private HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + token).build();
    }

    private void warmUp(int count) throws Exception {
        for (IntFunction<HttpRequest> request : requests().values()) {
            for (int i = 0; i < count / 6; i++) {
                send(request.apply(i));
            }
        }
    }

    /** {p50, p95, req/s} per request, printed as they come. */
    private Map<String, double[]> measure(int count) throws Exception {
        Map<String, double[]> figures = new LinkedHashMap<>();
        System.out.printf(Locale.ROOT, "  %-34s %9s %9s %9s%n", "request", "p50 ms", "p95 ms", "req/s");
        for (Map.Entry<String, IntFunction<HttpRequest>> request : requests().entrySet()) {
            for (int i = 0; i < 50; i++) {
                send(request.getValue().apply(i));
            }
            double[] latencies = new double[count];
            for (int i = 0; i < count; i++) {
                long t = System.nanoTime();
                send(request.getValue().apply(i));
                latencies[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(latencies);
            double throughput = throughput(request.getValue(), count);
            double[] f = {percentile(latencies, 50), percentile(latencies, 95), throughput};
            figures.put(request.getKey(), f);
            System.out.printf(Locale.ROOT, "  %-34s %9.2f %9.2f %9.0f%n", request.getKey(), f[0], f[1], f[2]);
        }
        double[] before = new double[Math.max(20, count / 10)];
        try (Connection c = server.database().dataSource().getConnection(); PreparedStatement feed = c.prepareStatement(FEED_BEFORE)) {
            for (int i = -5; i < before.length; i++) {
                long t = System.nanoTime();
                try (ResultSet r = feed.executeQuery()) {
                    while (r.next()) {
                        r.getString(1);
                    }
                }
                if (i >= 0) {
                    before[i] = (System.nanoTime() - t) / 1e6;
                }
            }
        }
        Arrays.sort(before);
        double[] f = {percentile(before, 50), percentile(before, 95), 0};
        figures.put("feed SQL before ADR 0018 (JDBC)", f);
        System.out.printf(Locale.ROOT, "  %-34s %9.2f %9.2f %9s%n", "feed SQL before ADR 0018 (JDBC)", f[0], f[1], "-");
        return figures;
    }

    private double throughput(IntFunction<HttpRequest> request, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            long started = System.nanoTime();
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < count / 2; i++) {
                        send(request.apply(i));
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
            return CLIENTS * (count / 2) / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private void send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private static void printRatios(Map<Integer, Map<String, double[]>> results) {
        List<Integer> sizes = new ArrayList<>(results.keySet());
        int first = sizes.get(0);
        System.out.printf(Locale.ROOT, "%nratios to %,d videos (p50: higher is slower; req/s: %,d's over this size's, higher is slower)%n", first,
                first);
        for (int size : sizes.subList(1, sizes.size())) {
            System.out.printf(Locale.ROOT, "  at %,d videos:%n", size);
            results.get(size).forEach((name, f) -> {
                double[] base = results.get(first).get(name);
                System.out.printf(Locale.ROOT, "    %-34s p50 x%5.2f   req/s x%s%n", name, f[0] / base[0],
                        f[2] == 0 ? "  -" : String.format(Locale.ROOT, "%5.2f", base[2] / f[2]));
            });
        }
        System.out.println("goal: the feed's p50 and req/s at 100k within 1.5x of 1k");
    }

    /** Grows the catalogue to {@code size} validated videos, newest last, by COPY; HNSW indexes rebuilt afterwards. */
    private void growTo(int size) throws Exception {
        try (Connection c = server.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            List<String> indexes = LocalVectorIndexes.drop(s);
            if (loaded == 0) {
                StringBuilder rows = new StringBuilder();
                for (int m = 0; m < MOBS; m++) {
                    rows.append(mobs[m]).append('\t').append(SPACE).append('\t').append(vector(visualCentres[m])).append("\t0\tcluster")
                            .append(m).append('\t').append(FIRST).append('\t').append(FIRST).append('\n');
                }
                copy(c, "COPY mob (id, space, centroid_sum, size, label, created_at, updated_at) FROM STDIN", rows);
            }
            StringBuilder videos = new StringBuilder();
            StringBuilder members = new StringBuilder();
            StringBuilder embeddings = new StringBuilder();
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (int i = loaded; i < size; i++) {
                int m = i % MOBS;
                Instant created = FIRST.plusSeconds(i);
                videos.append(videoId(i)).append("\towner-").append(i % 100).append("\tVideo ").append(i).append(" of mob ").append(m)
                        .append("\tsynthetic milk mob video\t{cluster").append(m).append(",milkmob}\tVALIDATED\t").append(created)
                        .append('\t').append(created).append("\t0\ttrue\n");
                float[] visual = near(visualCentres[m]);
                members.append(videoId(i)).append('\t').append(mobs[m]).append('\t').append(vector(visual)).append("\t0.9\t")
                        .append(created).append('\t').append(++mobSeq[m]).append('\n');
                embedding(embeddings, i, "VISUAL", visual);
                embedding(embeddings, i, "AUDIO", near(audioCentres[m]));
                if (embeddings.length() > 1 << 22 || i == size - 1) {
                    copy.copyIn("COPY video (id, owner_id, title, description, hashtags, status, created_at, updated_at, version, in_mob)"
                            + " FROM STDIN", new StringReader(videos.toString()));
                    s.execute("SET session_replication_role = replica"); // bulk rows bring their own feed numbers
                    copy.copyIn("COPY mob_member (video_id, mob_id, vector, similarity, assigned_at, feed_seq) FROM STDIN",
                            new StringReader(members.toString()));
                    s.execute("SET session_replication_role = origin");
                    copy.copyIn("COPY embedding (video_id, model_id, modality, scope, start_seconds, end_seconds, dimension, vector)"
                            + " FROM STDIN", new StringReader(embeddings.toString()));
                    videos.setLength(0);
                    members.setLength(0);
                    embeddings.setLength(0);
                }
            }
            loaded = size;
            s.execute("UPDATE mob m SET size = (SELECT count(*) FROM mob_member mm WHERE mm.mob_id = m.id), member_seq = "
                    + "(SELECT coalesce(max(feed_seq), 0) FROM mob_member mm WHERE mm.mob_id = m.id)");
            LocalVectorIndexes.build(s, indexes, "512MB");
            s.execute("VACUUM ANALYZE");
            // the load's dirty pages written now, not by a checkpoint spread over the timed requests
            s.execute("CHECKPOINT");
        }
    }

    private static void copy(Connection c, String sql, StringBuilder rows) throws Exception {
        c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows.toString()));
    }

    private static void embedding(StringBuilder rows, int i, String modality, float[] vector) {
        rows.append(videoId(i)).append("\tlocal-perceptual-v1\t").append(modality).append("\tASSET\t0\t12\t").append(DIMENSION).append('\t')
                .append(vector(vector)).append('\n');
    }

    private static UUID videoId(int i) {
        return new UUID(0x0190000000007000L | (long) i << 16, 0x8000000000000000L | i);
    }

    private float[] near(float[] centre) {
        float[] v = centre.clone();
        float[] noise = gaussian(vectors, v.length, 0.6);
        for (int d = 0; d < v.length; d++) {
            v[d] += noise[d];
        }
        return v;
    }

    private static float[] gaussian(Random random, int dimension, double norm) {
        float[] v = new float[dimension];
        double sum = 0;
        for (int d = 0; d < dimension; d++) {
            v[d] = (float) random.nextGaussian();
            sum += v[d] * v[d];
        }
        double scale = norm / Math.sqrt(sum);
        for (int d = 0; d < dimension; d++) {
            v[d] *= (float) scale;
        }
        return v;
    }

    private static String vector(float[] v) {
        StringBuilder text = new StringBuilder("[");
        for (int d = 0; d < v.length; d++) {
            if (d > 0) {
                text.append(',');
            }
            text.append(v[d]);
        }
        return text.append(']').toString();
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
