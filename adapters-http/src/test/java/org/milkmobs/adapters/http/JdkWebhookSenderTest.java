package org.milkmobs.adapters.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.milkmobs.application.port.out.events.WebhookSender;
import org.milkmobs.application.testing.WebhookSenderContract;

/** The sender contract on the JDK client against a real HTTP server on 127.0.0.1. */
class JdkWebhookSenderTest extends WebhookSenderContract {

    private static HttpServer server;
    private static final Map<String, Integer> STATUSES = new ConcurrentHashMap<>();
    private static final Map<String, String> BODIES = new ConcurrentHashMap<>();
    private static final Map<String, Headers> HEADERS = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            BODIES.put(path, body);
            HEADERS.put(path, exchange.getRequestHeaders());
            int status = STATUSES.getOrDefault(path, 204);
            if (status < 0) {
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Override
    protected WebhookSender sender() {
        return new JdkWebhookSender(Duration.ofSeconds(2));
    }

    @Override
    protected URI target(String path, int status) {
        STATUSES.put(path, status);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    protected String[] lastReceived(String path, String header) {
        return new String[] {BODIES.get(path), HEADERS.get(path).getFirst(header)};
    }
}
