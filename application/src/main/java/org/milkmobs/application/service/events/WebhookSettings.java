package org.milkmobs.application.service.events;

import java.time.Duration;
import java.util.Objects;

/**
 * How webhooks are delivered: attempts before DEAD, the request timeout, deliveries running at once per
 * subscription, deliveries claimed per round, how long a rotated-out secret stays valid, and the longest body.
 */
public record WebhookSettings(int maxAttempts, Duration timeout, int perSubscription, int batch, Duration secretGrace, int maxBodyBytes) {

    public WebhookSettings {
        if (maxAttempts < 1 || perSubscription < 1 || batch < 1 || maxBodyBytes < 1024) {
            throw new IllegalArgumentException("webhook settings must be positive (a body limit of at least 1 KB)");
        }
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(secretGrace, "secretGrace");
    }
}
