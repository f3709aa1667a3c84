package org.milkmobs.adapters.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.milkmobs.application.port.out.events.WebhookSender;

/**
 * Webhook requests with the JDK's HTTP client: HTTP/1.1, no redirects followed (a redirect could lead past the
 * SSRF check), a connect and a whole-request timeout, and at most 64 KB of the answer read (then dropped).
 */
public final class JdkWebhookSender implements WebhookSender {

    static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final HttpClient client;

    public JdkWebhookSender(Duration connectTimeout) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout).build();
    }

    @Override
    public Response post(URI target, Map<String, String> headers, byte[] body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("User-Agent", "MilkMobs-Webhooks/1");
        headers.forEach(request::header);
        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream answer = response.body()) {
                answer.readNBytes(MAX_RESPONSE_BYTES);
            }
            int status = response.statusCode();
            return new Response(status, millisSince(started), status >= 200 && status < 300 ? null : "the target answered HTTP " + status);
        } catch (HttpConnectTimeoutException e) {
            return new Response(null, millisSince(started), "connecting timed out after " + timeoutText(e));
        } catch (HttpTimeoutException e) {
            return new Response(null, millisSince(started), "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Response(null, millisSince(started), "the request failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(null, millisSince(started), "interrupted while waiting for the target");
        }
    }

    private String timeoutText(HttpConnectTimeoutException e) {
        return client.connectTimeout().map(d -> d.toMillis() + " ms").orElse(e.getMessage());
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
