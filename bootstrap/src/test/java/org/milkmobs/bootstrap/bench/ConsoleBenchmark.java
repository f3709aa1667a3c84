package org.milkmobs.bootstrap.bench;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.milkmobs.bootstrap.system.ConsoleBrowser;
import org.milkmobs.bootstrap.system.MilkMobsServer;
import org.openqa.selenium.By;

/**
 * First load of the web console in headless Chromium against the packaged WAR: the script's size (as served and
 * gzip-compressed) and the time from navigation until the overview shows data (a fresh browser profile each load,
 * so nothing is cached). Goal of issue 18: at most 300 KB of compressed script and 1 s.
 */
public final class ConsoleBenchmark {

    private ConsoleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int loads = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (MilkMobsServer server = MilkMobsServer.start("bench-console", Map.of())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long scriptBytes = 0;
            long scriptGzip = 0;
            for (String src : List.of("index.html", "console/console.js", "console/console.css")) {
                byte[] body = http.send(HttpRequest.newBuilder(server.uri("/" + src)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
                scriptBytes += body.length;
                scriptGzip += gzip(body);
            }
            String admin = server.tokens().admin("bench-console");
            List<Double> millis = new ArrayList<>();
            List<Long> transferred = new ArrayList<>();
            for (int i = 0; i < loads; i++) {
                try (ConsoleBrowser browser = new ConsoleBrowser(server, 1280, 900)) {
                    browser.signIn(admin, "/admin");
                    browser.await(By.cssSelector("[data-testid=latency]"), Duration.ofSeconds(30));
                    millis.add(((Number) browser.script("return performance.getEntriesByName('overview-data')[0].startTime")).doubleValue());
                    transferred.add(((Number) browser.script("return performance.getEntriesByType('resource')"
                            + ".concat(performance.getEntriesByType('navigation')).reduce((n, e) => n + e.transferSize, 0)")).longValue());
                }
            }
            millis.sort(Double::compare);
            System.out.printf(Locale.ROOT, "console assets (page + script + stylesheet): %d bytes as served, %d bytes gzip (goal: <= 300 KB)%n",
                    scriptBytes, scriptGzip);
            System.out.printf(Locale.ROOT, "first load, %d fresh browsers: bytes transferred (all requests) %s%n", loads, transferred);
            System.out.printf(Locale.ROOT, "time until the overview shows data: median %.0f ms, min %.0f ms, max %.0f ms (goal: <= 1000 ms)%n",
                    millis.get(millis.size() / 2), millis.get(0), millis.get(millis.size() - 1));
        }
    }

    private static long gzip(byte[] body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        }
        return out.size();
    }
}
