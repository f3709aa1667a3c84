package org.milkmobs.bootstrap.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.milkmobs.bootstrap.system.ApiClient;
import org.milkmobs.bootstrap.system.MilkMobsServer;
import org.milkmobs.bootstrap.system.SseClient;
import org.milkmobs.bootstrap.system.WebhookReceiver;

/**
 * Events out, end to end on the packaged WAR: the latency from the committing transaction (the event's time, taken
 * in the transaction just before it commits) to a webhook's arrival at a local receiver and to an SSE client; then
 * the same with 200 concurrent SSE clients on the one instance. Run with {@code ./mm bench events [events] [clients]}.
 */
public final class EventsBenchmark {

    private EventsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        try (WebhookReceiver receiver = new WebhookReceiver();
             MilkMobsServer server = MilkMobsServer.start("bench-events", Map.of("WEBHOOKS_ALLOWED_TARGETS", "127.0.0.1",
                     "PIPELINE_WORKERS_ENABLED", "false", "RATE_LIMIT_SUBMIT_REQUESTS", "1000000"))) {
            ApiClient admin = server.as(server.tokens().admin("bench-admin"));
            ApiClient.ApiResponse created = admin.postJson("/api/admin/webhooks", "{\"url\":\"" + receiver.url("/hook")
                    + "\",\"eventTypes\":[\"video.submitted\"]}");
            if (created.status() != 201) {
                throw new IllegalStateException("could not subscribe: " + created);
            }
            String consumer = server.tokens().consumer("bench-consumer");
            ApiClient api = server.as(consumer);

            System.out.printf(Locale.ROOT, "events out: %d submits, one at a time every 25 ms%n", events);
            try (SseClient stream = SseClient.connect(server.uri("/api/events/stream"), server.tokens().admin("bench-watcher"), null)) {
                stream.awaitConnected(Duration.ofSeconds(30));
                warmUp(api, receiver, stream);
                Map<String, Long> committed = submit(api, events);
                List<Long> webhook = webhookLatencies(receiver, committed, Duration.ofSeconds(60));
                List<Long> sse = sseLatencies(stream, committed, Duration.ofSeconds(60));
                print("commit -> webhook arrival", webhook, committed.size());
                print("commit -> SSE client", sse, committed.size());
            }

            System.out.printf(Locale.ROOT, "%n%d concurrent SSE clients on one instance, %d events%n", clients, events / 4);
            List<SseClient> streams = new ArrayList<>();
            try {
                String watcher = server.tokens().admin("bench-many");
                for (int i = 0; i < clients; i++) {
                    streams.add(SseClient.connect(server.uri("/api/events/stream"), watcher, null));
                }
                for (SseClient s : streams) {
                    s.awaitConnected(Duration.ofSeconds(60));
                }
                Map<String, Long> committed = submit(api, events / 4);
                List<Long> all = new ArrayList<>();
                int complete = 0;
                for (SseClient s : streams) {
                    List<Long> latencies = sseLatencies(s, committed, Duration.ofSeconds(60));
                    all.addAll(latencies);
                    complete += latencies.size() == committed.size() ? 1 : 0;
                }
                print("commit -> each of " + clients + " SSE clients", all, committed.size() * clients);
                System.out.printf(Locale.ROOT, "  clients that got every event: %d of %d%n", complete, clients);
            } finally {
                streams.forEach(SseClient::close);
            }
        }
    }

    private static void warmUp(ApiClient api, WebhookReceiver receiver, SseClient stream) {
        Map<String, Long> warm = submit(api, 20);
        webhookLatencies(receiver, warm, Duration.ofSeconds(60));
        sseLatencies(stream, warm, Duration.ofSeconds(60));
    }

    /** Submits videos, one at a time; returns each video id with when its request returned (after the commit). */
    private static Map<String, Long> submit(ApiClient api, int count) {
        Map<String, Long> committed = new HashMap<>();
        for (int i = 0; i < count; i++) {
            ApiClient.ApiResponse response = api.postJson("/api/videos/submit", "{\"title\":\"bench " + i + "\"}");
            if (response.status() != 201) {
                throw new IllegalStateException("submit failed: " + response);
            }
            JsonObject video = response.json();
            committed.put(video.getString("videoId"), System.currentTimeMillis());
            sleep(25);
        }
        return committed;
    }

    private static List<Long> webhookLatencies(WebhookReceiver receiver, Map<String, Long> committed, Duration timeout) {
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (arrived.size() < committed.size() && System.nanoTime() < deadline) {
            for (WebhookReceiver.Request request : receiver.requests("/hook")) {
                String video = json(request.body()).getJsonObject("resource").getString("id");
                if (committed.containsKey(video)) {
                    arrived.putIfAbsent(video, request.receivedAtMillis() - eventTime(request.body()));
                }
            }
            sleep(20);
        }
        return new ArrayList<>(arrived.values());
    }

    private static List<Long> sseLatencies(SseClient stream, Map<String, Long> committed, Duration timeout) {
        List<Long> latencies = new ArrayList<>();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.size() < committed.size() && System.nanoTime() < deadline) {
            SseClient.Event event = stream.next(Duration.ofMillis(200));
            if (event == null) {
                continue;
            }
            String video = json(event.data()).getJsonObject("resource").getString("id");
            if (committed.containsKey(video) && event.type().equals("video.submitted") && seen.add(video)) {
                latencies.add(event.receivedAtMillis() - eventTime(event.data()));
            }
        }
        return latencies;
    }

    private static long eventTime(String json) {
        return Instant.parse(json(json).getString("time")).toEpochMilli();
    }

    private static void print(String what, List<Long> latencies, int expected) {
        if (latencies.isEmpty()) {
            System.out.printf(Locale.ROOT, "  %-40s nothing arrived of %d%n", what, expected);
            return;
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-40s p50 %4d ms   p95 %4d ms   max %5d ms   (%d of %d arrived)%n", what, percentile(sorted, 0.5),
                percentile(sorted, 0.95), sorted.get(sorted.size() - 1), sorted.size(), expected);
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
