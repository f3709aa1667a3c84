package org.milkmobs.bootstrap.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * A webhook target run by the test on 127.0.0.1: every path answers as its script says for the n-th request
 * (a status, or -1: no answer before the client gives up), and every request is kept.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Request(String path, Map<String, List<String>> headers, String body, long receivedAtMillis) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, IntFunction<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** How {@code path} answers its n-th request (1-based): an HTTP status, or -1 to hang past any timeout. */
    public void script(String path, IntFunction<Integer> answer) {
        scripts.put(path, answer);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public List<Request> await(String path, Predicate<List<Request>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Request> seen = requests(path);
            if (done.test(seen)) {
                return seen;
            }
            Uploads.sleep(50);
        }
        throw new AssertionError("the receiver's " + path + " did not get what was awaited within " + timeout + "; got "
                + new ArrayList<>(requests(path)));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders()), body, System.currentTimeMillis()));
        int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        int status = scripts.getOrDefault(path, i -> 204).apply(n);
        if (status < 0) {
            Uploads.sleep(8_000);
            status = 200;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
