package org.milkmobs.adapters.rest.events;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.milkmobs.domain.events.DeliveryAttempt;
import org.milkmobs.domain.events.FailingSubscription;
import org.milkmobs.domain.events.WebhookDelivery;
import org.milkmobs.domain.events.WebhookSubscription;

/** The webhook admin API's web models. */
public final class WebhookModels {

    private WebhookModels() {
    }

    /** A subscription as an admin writes it; {@code active} defaults to true. */
    public record WebhookRequest(
            @NotNull @Size(max = WebhookSubscription.MAX_URL_LENGTH) String url,
            @Size(max = 50) List<@NotNull String> eventTypes,
            Boolean active,
            @Size(max = 200) String description) {
    }

    public record WebhookResponse(String id, String url, List<String> eventTypes, boolean active, String description,
                                  Instant previousSecretValidUntil, String createdBy, Instant createdAt, Instant updatedAt) {
        static WebhookResponse from(WebhookSubscription s) {
            return new WebhookResponse(s.id().toString(), s.url().toString(), s.eventTypes().stream().sorted().toList(), s.active(),
                    s.description(), s.previousSecretUntil(), s.createdBy(), s.createdAt(), s.updatedAt());
        }
    }

    /** The answer to creating a subscription or rotating its secret: the only time the secret is shown. */
    public record WebhookWithSecretResponse(WebhookResponse subscription, String secret) {
    }

    public record WebhookListResponse(List<WebhookResponse> items) {
    }

    public record AttemptResponse(int attempt, Instant at, Integer statusCode, long latencyMillis, String error) {
        static AttemptResponse from(DeliveryAttempt a) {
            return new AttemptResponse(a.attempt(), a.at(), a.statusCode(), a.latencyMillis(), a.error());
        }
    }

    public record DeliveryResponse(long id, String subscriptionId, String eventId, long eventSequence, String eventType, String state,
                                   int attempts, int maxAttempts, Instant nextAttemptAt, Long replayOf, Instant createdAt,
                                   Instant finishedAt, List<AttemptResponse> log) {
        static DeliveryResponse from(WebhookDelivery d) {
            return new DeliveryResponse(d.id(), d.subscriptionId().toString(), d.eventId().toString(), d.eventSequence(), d.eventType(),
                    d.state(), d.attempt(), d.maxAttempts(), d.state().equals("AVAILABLE") ? d.runAt() : null, d.replayOf(), d.createdAt(),
                    d.finishedAt(), d.attempts().stream().map(AttemptResponse::from).toList());
        }
    }

    public record DeliveryPageResponse(List<DeliveryResponse> items, String nextCursor) {
    }

    /** Replays the subscription's events published in [from, to). */
    public record ReplayRequest(@NotNull Instant from, @NotNull Instant to) {
    }

    public record ReplayResponse(int deliveries) {
    }

    public record FailingSubscriptionResponse(String subscriptionId, String url, long failedAttempts, long deadDeliveries,
                                              String lastError, Instant lastFailureAt) {
        public static FailingSubscriptionResponse from(FailingSubscription f) {
            return new FailingSubscriptionResponse(f.subscriptionId().toString(), f.url(), f.failedAttempts(), f.deadDeliveries(),
                    f.lastError(), f.lastFailureAt());
        }
    }

    public record FailingSubscriptionsResponse(List<FailingSubscriptionResponse> items) {
    }
}
