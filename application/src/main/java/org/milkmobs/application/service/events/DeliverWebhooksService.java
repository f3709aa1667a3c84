package org.milkmobs.application.service.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.milkmobs.application.port.in.events.DeliverWebhooksUseCase;
import org.milkmobs.application.port.out.Transactions;
import org.milkmobs.application.port.out.events.WebhookDeliveries.DueDelivery;
import org.milkmobs.application.port.out.events.WebhookDeliveries.Next;
import org.milkmobs.application.port.out.events.WebhookDeliveries;
import org.milkmobs.application.port.out.events.WebhookSender;
import org.milkmobs.application.service.pipeline.RetryPolicy;
import org.milkmobs.domain.events.DeliveryAttempt;
import org.milkmobs.domain.events.EventDocument;

/**
 * Delivers webhooks like the job table runs steps: claim in one transaction, call the target with none open,
 * record the outcome (fenced by the attempt) in another. A non-2xx answer, a timeout or an unreachable target
 * is retried with exponential backoff and full jitter, and the delivery is DEAD after its last attempt; a
 * target the SSRF policy refuses is DEAD at once.
 */
public class DeliverWebhooksService implements DeliverWebhooksUseCase {

    public static final String EVENT_ID_HEADER = "Milkmobs-Event-Id";
    public static final String EVENT_TYPE_HEADER = "Milkmobs-Event-Type";
    public static final String DELIVERY_HEADER = "Milkmobs-Delivery";

    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final TargetGuard guard;
    private final RetryPolicy retry;
    private final WebhookSettings settings;
    private final Transactions transactions;
    private final Clock clock;
    private final RandomGenerator random;

    public DeliverWebhooksService(WebhookDeliveries deliveries, WebhookSender sender, TargetGuard guard, RetryPolicy retry,
                                  WebhookSettings settings, Transactions transactions, Clock clock, RandomGenerator random) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.guard = guard;
        this.retry = retry;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public int deliverDue(String worker) {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(settings.timeout().multipliedBy(2)).plus(retry.lease());
        List<DueDelivery> due = transactions.inTransaction(
                () -> deliveries.claim(worker, settings.batch(), settings.perSubscription(), now, leaseUntil));
        due.forEach(this::deliver);
        return due.size();
    }

    @Override
    public int rescueExpired() {
        return transactions.inTransaction(() -> deliveries.rescueExpired(clock.instant()));
    }

    private void deliver(DueDelivery delivery) {
        Instant started = clock.instant();
        Optional<String> refusal = guard.refusal(delivery.subscription().url());
        WebhookSender.Response response;
        if (refusal.isPresent()) {
            response = new WebhookSender.Response(null, 0, "target refused: " + refusal.get());
        } else {
            byte[] body = EventDocument.json(delivery.event()).getBytes(StandardCharsets.UTF_8);
            if (body.length > settings.maxBodyBytes()) {
                response = new WebhookSender.Response(null, 0, "the event is " + body.length + " bytes, above the limit of "
                        + settings.maxBodyBytes());
                refusal = Optional.of(response.error());
            } else {
                response = sender.post(delivery.subscription().url(), headers(delivery, body, started), body, settings.timeout());
            }
        }
        int attempt = delivery.lease().attempt();
        Next next = response.succeeded() ? Next.SUCCEEDED
                : refusal.isPresent() || attempt >= delivery.maxAttempts() ? Next.DEAD : Next.RETRY;
        Instant now = clock.instant();
        Instant retryAt = now.plus(retry.delayAfter(attempt, random));
        DeliveryAttempt outcome = new DeliveryAttempt(attempt, response.statusCode(), response.latencyMillis(), response.error(), started);
        transactions.inTransaction(() -> deliveries.record(delivery.lease(), outcome, next, retryAt, now));
    }

    private Map<String, String> headers(DueDelivery delivery, byte[] body, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(WebhookSignature.HEADER,
                WebhookSignature.header(now.getEpochSecond(), body, delivery.subscription().signingSecrets(now)));
        headers.put(EVENT_ID_HEADER, delivery.event().id().toString());
        headers.put(EVENT_TYPE_HEADER, delivery.event().type());
        headers.put(DELIVERY_HEADER, String.valueOf(delivery.lease().deliveryId()));
        return headers;
    }
}
