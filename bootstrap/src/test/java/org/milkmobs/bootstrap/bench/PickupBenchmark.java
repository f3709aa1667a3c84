package org.milkmobs.bootstrap.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.bootstrap.system.ApiClient;
import org.milkmobs.bootstrap.system.MilkMobsServer;
import org.milkmobs.bootstrap.system.Uploads;

/**
 * Pickup latency on the packaged WAR's own workers (ADR 0025): videos go in one at a time, each after the last has
 * settled and the workers have idled, so every step is enqueued to workers that wait; from each video's workflow
 * history, the time from a step's {@code TaskScheduled} (taken in the enqueuing transaction, before its commit) to
 * its {@code TaskStarted} (taken by the worker that claimed it). Run with {@code ./mm bench pickup [videos] [idle-ms]}.
 */
public final class PickupBenchmark {

    private PickupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int videos = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long idleMillis = args.length > 1 ? Long.parseLong(args[1]) : 3_000;
        Path media = Files.createTempDirectory("bench-pickup");
        try (MilkMobsServer server = MilkMobsServer.start("bench-pickup", Map.of("RATE_LIMIT_SUBMIT_REQUESTS", "1000000"))) {
            ApiClient fan = server.as(server.tokens().consumer("bench-fan"));
            Uploads uploads = new Uploads(fan);
            System.out.printf(Locale.ROOT, "pickup on the WAR: %d videos, one at a time, %d ms idle before each%n", videos, idleMillis);
            Map<String, List<Double>> byStep = new TreeMap<>();
            for (int i = 0; i < videos; i++) {
                // another length each time: the same bytes would be the identical tier, never analysed again
                Path file = MediaFixtures.video(media, "pickup-" + i, 2 + i * 0.04, 320, 240);
                Thread.sleep(idleMillis);
                String id = uploads.submitUploadComplete(file, "pickup " + i, List.of("milkmob"));
                uploads.awaitSettled(id);
                pickups(fan, id).forEach((step, millis) -> byStep.computeIfAbsent(step, s -> new ArrayList<>()).addAll(millis));
            }
            List<Double> all = new ArrayList<>();
            System.out.printf(Locale.ROOT, "  %-14s %6s %10s %10s %10s%n", "step", "jobs", "p50 ms", "p95 ms", "max ms");
            byStep.forEach((step, millis) -> {
                all.addAll(millis);
                print(step, millis);
            });
            print("every step", all);
            System.out.println("goal (issue 25): pickup p50 < 10 ms when idle workers wait");
        }
    }

    /** For each step of the video's history: TaskScheduled -> the next TaskStarted of that step, in ms. */
    private static Map<String, List<Double>> pickups(ApiClient api, String videoId) {
        ApiClient.ApiResponse response = api.get("/api/execution-history?videoId=" + videoId);
        if (response.status() != 200) {
            throw new IllegalStateException("history of " + videoId + ": " + response);
        }
        Map<String, Instant> scheduled = new HashMap<>();
        Map<String, List<Double>> pickups = new HashMap<>();
        for (JsonValue value : response.json().getJsonArray("events")) {
            JsonObject event = value.asJsonObject();
            if (!event.containsKey("step")) {
                continue;
            }
            String step = event.getString("step");
            Instant at = Instant.parse(event.getString("timestamp"));
            switch (event.getString("type")) {
                case "TaskScheduled" -> scheduled.put(step, at);
                case "TaskStarted" -> {
                    Instant since = scheduled.remove(step);
                    if (since != null) {
                        pickups.computeIfAbsent(step, s -> new ArrayList<>()).add(Duration.between(since, at).toNanos() / 1e6);
                    }
                }
                default -> { }
            }
        }
        return pickups;
    }

    private static void print(String what, List<Double> millis) {
        System.out.printf(Locale.ROOT, "  %-14s %6d %10.1f %10.1f %10.1f%n", what, millis.size(), Percentiles.of(millis, 50),
                Percentiles.of(millis, 95), Percentiles.of(millis, 100));
    }
}
