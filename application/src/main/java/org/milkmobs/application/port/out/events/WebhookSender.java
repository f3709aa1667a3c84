package org.milkmobs.application.port.out.events;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Sends one webhook request (a POST of a JSON body); never throws for what the target does. */
public interface WebhookSender {

    Response post(URI target, Map<String, String> headers, byte[] body, Duration timeout);

    /** The target's status code (absent when none came: refused, timed out, unreachable), and why it failed. */
    record Response(Integer statusCode, long latencyMillis, String error) {

        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }
}
