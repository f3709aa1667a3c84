package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.events.WebhookSender.Response;
import org.milkmobs.application.port.out.events.WebhookSender;

/** What a webhook sender promises; run on the twin and on the JDK HTTP client against a local server. */
public abstract class WebhookSenderContract {

    protected abstract WebhookSender sender();

    /** A target at {@code path} answering every request with {@code status} (-1: not before the client's timeout). */
    protected abstract URI target(String path, int status);

    /** The body and the value of {@code header} of the last request {@code path} received. */
    protected abstract String[] lastReceived(String path, String header);

    private static final byte[] BODY = "{\"id\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aTwoHundredIsASuccessAndTheBodyAndHeadersArrive() {
        URI target = target("/ok", 204);

        Response response = sender().post(target, Map.of("Content-Type", "application/json", "Milkmobs-Event-Id", "e-1"), BODY,
                Duration.ofSeconds(5));

        assertThat(response.succeeded()).isTrue();
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.error()).isNull();
        assertThat(lastReceived("/ok", "Milkmobs-Event-Id")).containsExactly("{\"id\":\"e-1\"}", "e-1");
    }

    @Test
    void aServerErrorIsReportedWithItsStatus() {
        Response response = sender().post(target("/broken", 500), Map.of("Content-Type", "application/json"), BODY, Duration.ofSeconds(5));

        assertThat(response.succeeded()).isFalse();
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.error()).contains("500");
    }

    @Test
    void noAnswerInTimeIsAFailureWithoutStatus() {
        Response response = sender().post(target("/slow", -1), Map.of("Content-Type", "application/json"), BODY, Duration.ofMillis(300));

        assertThat(response.succeeded()).isFalse();
        assertThat(response.statusCode()).isNull();
        assertThat(response.error()).isNotBlank();
    }
}
