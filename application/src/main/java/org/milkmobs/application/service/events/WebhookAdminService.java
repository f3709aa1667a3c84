package org.milkmobs.application.service.events;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.milkmobs.application.port.in.ForbiddenException;
import org.milkmobs.application.port.in.events.WebhookAdminUseCase;
import org.milkmobs.application.port.out.events.WebhookDeliveries;
import org.milkmobs.application.port.out.events.WebhookSubscriptions;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.events.FailingSubscription;
import org.milkmobs.domain.events.WebhookDelivery;
import org.milkmobs.domain.events.WebhookSubscription;
import org.milkmobs.domain.user.Caller;

/** Webhook subscriptions for admins: targets are checked against the SSRF policy; secrets are made here and shown once. */
public class WebhookAdminService implements WebhookAdminUseCase {

    private static final Duration FAILING_WINDOW = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final TargetGuard guard;
    private final WebhookSettings settings;
    private final Clock clock;

    public WebhookAdminService(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, TargetGuard guard,
                               WebhookSettings settings, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.guard = guard;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public WithSecret create(Definition definition, Caller admin) {
        requireAdmin(admin);
        checkTarget(definition);
        String secret = newSecret();
        WebhookSubscription subscription = WebhookSubscription.create(UUID.randomUUID(), definition.url(), definition.eventTypes(),
                definition.active(), definition.description(), secret, admin.userId().value(), clock.instant());
        subscriptions.save(subscription);
        return new WithSecret(subscription, secret);
    }

    @Override
    public List<WebhookSubscription> list(Caller admin) {
        requireAdmin(admin);
        return subscriptions.all();
    }

    @Override
    public WebhookSubscription get(UUID id, Caller admin) {
        requireAdmin(admin);
        return subscriptions.find(id).orElseThrow(() -> new SubscriptionNotFoundException("webhook subscription " + id));
    }

    @Override
    public WebhookSubscription update(UUID id, Definition definition, Caller admin) {
        WebhookSubscription current = get(id, admin);
        checkTarget(definition);
        WebhookSubscription changed = current.changed(definition.url(), definition.eventTypes(), definition.active(),
                definition.description(), clock.instant());
        subscriptions.save(changed);
        return changed;
    }

    @Override
    public void delete(UUID id, Caller admin) {
        requireAdmin(admin);
        if (!subscriptions.delete(id)) {
            throw new SubscriptionNotFoundException("webhook subscription " + id);
        }
    }

    @Override
    public WithSecret rotateSecret(UUID id, Caller admin) {
        String secret = newSecret();
        WebhookSubscription rotated = get(id, admin).rotated(secret, settings.secretGrace(), clock.instant());
        subscriptions.save(rotated);
        return new WithSecret(rotated, secret);
    }

    @Override
    public List<WebhookDelivery> deliveries(UUID id, Optional<Long> before, int limit, Caller admin) {
        get(id, admin);
        return deliveries.log(id, before, limit);
    }

    @Override
    public WebhookDelivery replay(UUID id, long deliveryId, Caller admin) {
        get(id, admin);
        WebhookDelivery original = deliveries.find(deliveryId).filter(d -> d.subscriptionId().equals(id))
                .orElseThrow(() -> new SubscriptionNotFoundException("delivery " + deliveryId + " of webhook subscription " + id));
        long replay = deliveries.replay(original.id(), settings.maxAttempts(), clock.instant());
        return deliveries.find(replay).orElseThrow();
    }

    @Override
    public int replayRange(UUID id, Instant from, Instant to, Caller admin) {
        WebhookSubscription subscription = get(id, admin);
        if (!from.isBefore(to)) {
            throw new InvalidValueException("from", "from must be before to");
        }
        return deliveries.replayRange(subscription, from, to, settings.maxAttempts(), clock.instant());
    }

    @Override
    public List<FailingSubscription> failing(Caller admin) {
        requireAdmin(admin);
        return deliveries.failing(clock.instant().minus(FAILING_WINDOW));
    }

    private void checkTarget(Definition definition) {
        guard.refusal(definition.url()).ifPresent(reason -> {
            throw new InvalidValueException("url", reason);
        });
    }

    /** 32 random bytes, hex, with a prefix that tells what it is when it turns up in a log or a leak scan. */
    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }

    private static void requireAdmin(Caller caller) {
        ForbiddenException.unlessAdmin(caller, "only admins manage webhooks");
    }
}
