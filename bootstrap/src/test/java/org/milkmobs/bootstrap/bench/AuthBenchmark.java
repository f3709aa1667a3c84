package org.milkmobs.bootstrap.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.milkmobs.bootstrap.system.MilkMobsServer;

/**
 * The authenticated request path against the cheapest request the API serves, on one server, interleaved: in each
 * round every request gets a slice of one client (its p50) and a slice of N concurrent clients (its req/s), in turn,
 * so that the machine's load falls on all of them alike; the figures are the medians over the rounds.
 * <ul>
 * <li>{@code GET /health/live}: the server's own answer, outside JAX-RS (a reference only);</li>
 * <li>{@code GET /api/ping} without a token: the trivial JAX-RS endpoint (the anchor);</li>
 * <li>{@code GET /api/ping} with a token: the same, plus token verification;</li>
 * <li>{@code GET /api/videos/{id}} with a token: a real one-video read (use case, transaction, queries, JSON).</li>
 * </ul>
 * To profile the server, start it with {@code MILKMOBS_SERVER_JAVA_OPTIONS=-XX:StartFlightRecording=filename=…}.
 * {@code ./mm bench auth [clients] [seconds per slice] [rounds] [warm-up requests]}.
 */
public final class AuthBenchmark {

    private record Request(String name, HttpRequest request) {
    }

    private record Slice(double p50, double requestsPerSecond) {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 4000;
        try (MilkMobsServer server = MilkMobsServer.start("bench-auth", Map.of("HOUSEKEEPING_INTERVAL", "PT1H"))) {
            String token = server.tokens().consumer("bench-reader");
            UUID video = validatedVideo(server);
            List<Request> requests = List.of(
                    new Request("GET /health/live (not JAX-RS)", HttpRequest.newBuilder(server.uri("/health/live")).build()),
                    new Request("GET /api/ping, no token (anchor)", HttpRequest.newBuilder(server.uri("/api/ping")).build()),
                    new Request("GET /api/ping, token", authorized(server, "/api/ping", token)),
                    new Request("GET /api/videos/{id}, token", authorized(server, "/api/videos/" + video, token)));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int i = 0; i < warmup; i++) {
                for (Request request : requests) {
                    send(http, request.request());
                }
            }
            Map<String, List<Slice>> sequential = new LinkedHashMap<>();
            Map<String, List<Slice>> concurrent = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                // the order turns each round, so no request always follows the same one
                for (int k = 0; k < requests.size(); k++) {
                    Request request = requests.get((k + round) % requests.size());
                    sequential.computeIfAbsent(request.name(), n -> new ArrayList<>()).add(slice(http, request.request(), 1, seconds));
                    concurrent.computeIfAbsent(request.name(), n -> new ArrayList<>()).add(slice(http, request.request(), clients, seconds));
                }
            }
            print(requests, sequential, concurrent, clients, seconds, rounds);
        }
    }

    private static void print(List<Request> requests, Map<String, List<Slice>> sequential, Map<String, List<Slice>> concurrent,
                              int clients, double seconds, int rounds) {
        String anchor = requests.get(1).name();
        double anchorRate = median(concurrent.get(anchor), Slice::requestsPerSecond);
        double anchorP50 = median(sequential.get(anchor), Slice::p50);
        System.out.printf(Locale.ROOT, "%d rounds; per request and round a %.1f s slice of 1 client and one of %d clients; medians over the rounds%n",
                rounds, seconds, clients);
        System.out.printf(Locale.ROOT, "  %-34s %9s %12s %12s %14s %14s%n", "request", "p50 ms", "p50 (N) ms", "req/s (N)",
                "req/s : anchor", "p50 : anchor");
        for (Request request : requests) {
            double p50 = median(sequential.get(request.name()), Slice::p50);
            double loadedP50 = median(concurrent.get(request.name()), Slice::p50);
            double rate = median(concurrent.get(request.name()), Slice::requestsPerSecond);
            System.out.printf(Locale.ROOT, "  %-34s %9.3f %12.3f %12.0f %14.2f %14.2f%n", request.name(), p50, loadedP50, rate,
                    rate / anchorRate, p50 / anchorP50);
        }
        System.out.println("goal: GET /api/videos/{id} with a token at >= 0.40 of the anchor's req/s");
    }

    /** {@code clients} closed-loop clients for {@code seconds}: their p50 and their requests per second together. */
    private static Slice slice(HttpClient http, HttpRequest request, int clients, double seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long started = System.nanoTime();
            long end = started + (long) (seconds * 1e9);
            List<Future<double[]>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                results.add(pool.submit(() -> {
                    double[] latencies = new double[1024];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long t = System.nanoTime();
                        send(http, request);
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = (System.nanoTime() - t) / 1e6;
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            List<Double> all = new ArrayList<>();
            for (Future<double[]> result : results) {
                for (double latency : result.get()) {
                    all.add(latency);
                }
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            return new Slice(Percentiles.of(all, 50), all.size() / elapsed);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double median(List<Slice> slices, java.util.function.ToDoubleFunction<Slice> figure) {
        double[] values = slices.stream().mapToDouble(figure).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static HttpRequest authorized(MilkMobsServer server, String path, String token) {
        return HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + token).build();
    }

    private static void send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** A validated video of another user, as a reader of the feed opens one. */
    private static UUID validatedVideo(MilkMobsServer server) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = server.database().dataSource().getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO video (id, owner_id, title, description, hashtags, status, created_at, updated_at, version, in_mob)"
                        + " VALUES (?, 'bench-owner', 'A milk mob', 'synthetic', '{milkmob}', 'VALIDATED', now(), now(), 0, false)")) {
            insert.setObject(1, id);
            insert.executeUpdate();
        }
        return id;
    }
}
