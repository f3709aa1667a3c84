package org.milkmobs.domain.events;

import java.time.Instant;
import java.util.UUID;

/** A subscription whose deliveries failed lately: failed attempts and dead deliveries since a time, and the latest error. */
public record FailingSubscription(UUID subscriptionId, String url, long failedAttempts, long deadDeliveries, String lastError,
                                  Instant lastFailureAt) {
}
