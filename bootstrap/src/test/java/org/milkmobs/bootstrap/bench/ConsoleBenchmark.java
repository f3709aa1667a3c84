package org.milkmobs.bootstrap.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.milkmobs.bootstrap.system.ApiClient;
import org.milkmobs.bootstrap.system.ConsoleBrowser;
import org.milkmobs.bootstrap.system.MilkMobsServer;

/**
 * The console's first load in headless Chromium (a new profile each time, so nothing is cached), on the packaged WAR:
 * bytes transferred (what crossed the wire, gzip where the server compressed) and the time from navigation until the
 * overview shows data (the page's own {@code overview-data} performance mark). Side by side, in the same run: the
 * page's HTML arriving (the floor of any page load) and the overview's statistics request from a plain Java client
 * (the floor of showing data). Run with {@code ./mm bench console [loads] [warm-up]}.
 */
public final class ConsoleBenchmark {

    private static final Duration DATA_TIMEOUT = Duration.ofSeconds(30);

    private ConsoleBenchmark() {
    }

    private record Load(double htmlMs, double scriptMs, double dataMs, long scriptTransferred, long scriptDecoded,
                        long totalTransferred, int requests) {
    }

    public static void main(String[] args) {
        int loads = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (MilkMobsServer server = MilkMobsServer.start("bench-console", Map.of("PIPELINE_WORKERS_ENABLED", "false"))) {
            seed(server.as(server.tokens().consumer("bench-seeder")), 20);
            String admin = server.tokens().admin("bench-admin");
            for (int i = 0; i < warmUp; i++) {
                firstLoad(server, admin);
            }
            List<Load> measured = new ArrayList<>();
            for (int i = 0; i < loads; i++) {
                measured.add(firstLoad(server, admin));
            }
            List<Double> statsRequest = statsRequests(server.as(admin), 50);
            print(measured, statsRequest, warmUp);
        }
    }

    /** Submitted videos (the workers are off), so the overview has numbers to show. */
    private static void seed(ApiClient consumer, int videos) {
        for (int i = 0; i < videos; i++) {
            ApiClient.ApiResponse submitted = consumer.postJson("/api/videos/submit", "{\"title\":\"Console bench " + i
                    + "\",\"hashtags\":[\"#milkmob\"]}");
            if (submitted.status() != 201) {
                throw new IllegalStateException("could not seed a video: " + submitted);
            }
        }
    }

    private static Load firstLoad(MilkMobsServer server, String token) {
        try (ConsoleBrowser browser = new ConsoleBrowser(server, 1280, 900)) {
            browser.signIn(token, "/admin");
            long deadline = System.nanoTime() + DATA_TIMEOUT.toNanos();
            while (browser.script("return performance.getEntriesByName('overview-data').length") instanceof Long n && n == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the overview showed no data within " + DATA_TIMEOUT + " at "
                            + browser.script("return location.href") + "; the page:\n" + browser.script("return document.body.innerText")
                            + "\nbrowser errors: " + browser.browserErrors());
                }
                sleep(20);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> timing = (Map<String, Object>) browser.script("""
                    const nav = performance.getEntriesByType('navigation')[0];
                    const resources = performance.getEntriesByType('resource');
                    const script = resources.find(r => r.name.endsWith('/console/console.js'));
                    return {
                      html: nav.responseEnd, script: script.responseEnd,
                      data: performance.getEntriesByName('overview-data')[0].startTime,
                      scriptTransferred: script.transferSize, scriptDecoded: script.decodedBodySize,
                      total: nav.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
                      requests: 1 + resources.length };
                    """);
            return new Load(number(timing, "html"), number(timing, "script"), number(timing, "data"),
                    (long) number(timing, "scriptTransferred"), (long) number(timing, "scriptDecoded"),
                    (long) number(timing, "total"), (int) number(timing, "requests"));
        }
    }

    private static List<Double> statsRequests(ApiClient admin, int count) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < count + 5; i++) {
            long start = System.nanoTime();
            ApiClient.ApiResponse stats = admin.get("/api/admin/stats");
            if (stats.status() != 200) {
                throw new IllegalStateException("stats answered " + stats);
            }
            if (i >= 5) {
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        return millis;
    }

    private static void print(List<Load> loads, List<Double> statsRequest, int warmUp) {
        Load first = loads.get(0);
        System.out.printf(Locale.ROOT, "console first load, headless Chromium, a new profile each time (%d loads after %d warm-up)%n",
                loads.size(), warmUp);
        System.out.printf(Locale.ROOT, "transferred: script %,d bytes (%,d decoded, %.1f KB on the wire), all %d requests %,d bytes%n",
                first.scriptTransferred(), first.scriptDecoded(), first.scriptTransferred() / 1024.0, first.requests(),
                first.totalTransferred());
        row("page HTML received (floor)", loads.stream().map(Load::htmlMs).toList());
        row("script loaded", loads.stream().map(Load::scriptMs).toList());
        row("overview shows data", loads.stream().map(Load::dataMs).toList());
        row("GET /api/admin/stats, Java", statsRequest);
        System.out.printf(Locale.ROOT, "goal: script <= 300 KB compressed: %.1f KB; overview data <= 1000 ms: p50 %.0f ms%n",
                first.scriptTransferred() / 1024.0, Percentiles.of(loads.stream().map(Load::dataMs).toList(), 50));
    }

    private static void row(String what, List<Double> millis) {
        System.out.printf(Locale.ROOT, "%-30s p50 %7.1f ms  p95 %7.1f ms%n", what, Percentiles.of(millis, 50), Percentiles.of(millis, 95));
    }

    private static double number(Map<String, Object> values, String key) {
        return ((Number) values.get(key)).doubleValue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
