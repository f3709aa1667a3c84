package org.milkmobs.domain.events;

import java.time.Instant;

/** One attempt of a webhook delivery: the HTTP status (absent when no response came), the latency, the error. */
public record DeliveryAttempt(int attempt, Integer statusCode, long latencyMillis, String error, Instant at) {
}
