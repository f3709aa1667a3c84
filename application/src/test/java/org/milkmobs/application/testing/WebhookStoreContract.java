package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.events.EventOutbox;
import org.milkmobs.application.port.out.events.WebhookDeliveries.DueDelivery;
import org.milkmobs.application.port.out.events.WebhookDeliveries.Next;
import org.milkmobs.application.port.out.events.WebhookDeliveries;
import org.milkmobs.application.port.out.events.WebhookSubscriptions;
import org.milkmobs.domain.events.DeliveryAttempt;
import org.milkmobs.domain.events.PublishedEvent;
import org.milkmobs.domain.events.WebhookDelivery;
import org.milkmobs.domain.events.WebhookSubscription;

/** What webhook subscriptions and deliveries promise; run on the in-memory twin and on PostgreSQL. */
public abstract class WebhookStoreContract extends ContractSuite {

    protected static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant LEASE = NOW.plusSeconds(60);

    protected abstract EventOutbox outbox();

    protected abstract WebhookSubscriptions subscriptions();

    protected abstract WebhookDeliveries deliveries();

    private WebhookSubscription subscribe(Set<String> types, boolean active) {
        WebhookSubscription s = WebhookSubscription.create(UUID.randomUUID(), URI.create("https://hooks.example.com/" + UUID.randomUUID()),
                types, active, "test", "whsec_" + UUID.randomUUID(), "admin", NOW);
        inTransaction(() -> {
            subscriptions().save(s);
            return null;
        });
        return s;
    }

    private List<PublishedEvent> publish(String type, String video, Instant at) {
        return inTransaction(() -> {
            outbox().append(type, video, Map.of("videoId", video, "ownerId", "alice"), at);
            List<PublishedEvent> published = outbox().publishPending(100, at);
            deliveries().enqueue(published, 3, at);
            return published;
        });
    }

    private List<DueDelivery> claim(int limit, int perSubscription, Instant now) {
        return inTransaction(() -> deliveries().claim("w", limit, perSubscription, now, now.plusSeconds(60)));
    }

    private boolean record(DueDelivery d, Integer status, Next next, Instant retryAt) {
        return inTransaction(() -> deliveries().record(d.lease(), new DeliveryAttempt(d.lease().attempt(), status, 12, status == null ? "timeout" : null,
                NOW), next, retryAt, NOW));
    }

    @Test
    void aSubscriptionIsStoredChangedAndDeleted() {
        WebhookSubscription s = subscribe(Set.of("video.validated"), true);
        WebhookSubscription rotated = s.rotated("whsec_new", Duration.ofHours(1), NOW);
        inTransaction(() -> {
            subscriptions().save(rotated);
            return null;
        });

        WebhookSubscription found = inTransaction(() -> subscriptions().find(s.id())).orElseThrow();
        assertThat(found.secret()).isEqualTo("whsec_new");
        assertThat(found.signingSecrets(NOW)).containsExactly("whsec_new", s.secret());
        assertThat(found.eventTypes()).containsExactly("video.validated");
        assertThat(inTransaction(() -> subscriptions().all())).extracting(WebhookSubscription::id).contains(s.id());
        assertThat(inTransaction(() -> subscriptions().delete(s.id()))).isTrue();
        assertThat(inTransaction(() -> subscriptions().find(s.id()))).isEmpty();
    }

    @Test
    void anEventGoesToEveryActiveSubscriptionThatWantsIt() {
        WebhookSubscription all = subscribe(Set.of(), true);
        WebhookSubscription validatedOnly = subscribe(Set.of("video.validated"), true);
        WebhookSubscription inactive = subscribe(Set.of(), false);

        publish("video.submitted", UUID.randomUUID().toString(), NOW);

        assertThat(inTransaction(() -> deliveries().log(all.id(), java.util.Optional.empty(), 10))).hasSize(1);
        assertThat(inTransaction(() -> deliveries().log(validatedOnly.id(), java.util.Optional.empty(), 10))).isEmpty();
        assertThat(inTransaction(() -> deliveries().log(inactive.id(), java.util.Optional.empty(), 10))).isEmpty();
        cleanUp(all, validatedOnly, inactive);
    }

    @Test
    void aVideosNextEventWaitsUntilTheEarlierOneIsFinished() {
        WebhookSubscription s = subscribe(Set.of(), true);
        String video = UUID.randomUUID().toString();
        publish("video.submitted", video, NOW);
        publish("video.uploaded", video, NOW);

        List<DueDelivery> first = claim(10, 5, NOW);
        assertThat(first).extracting(d -> d.event().type()).containsExactly("video.submitted");
        assertThat(first.get(0).subscription().id()).isEqualTo(s.id());
        assertThat(claim(10, 5, NOW)).isEmpty();

        record(first.get(0), 500, Next.RETRY, NOW.plusSeconds(5));
        assertThat(claim(10, 5, NOW)).as("the retry is not due, and the next event waits for it").isEmpty();
        List<DueDelivery> retried = claim(10, 5, NOW.plusSeconds(5));
        assertThat(retried).extracting(d -> d.lease().attempt()).containsExactly(2);
        record(retried.get(0), 204, Next.SUCCEEDED, null);

        assertThat(claim(10, 5, NOW.plusSeconds(5))).extracting(d -> d.event().type()).containsExactly("video.uploaded");
        cleanUp(s);
    }

    @Test
    void aSubscriptionRunsAtMostItsConcurrencyAtOnce() {
        WebhookSubscription s = subscribe(Set.of(), true);
        for (int i = 0; i < 4; i++) {
            publish("video.submitted", UUID.randomUUID().toString(), NOW);
        }

        assertThat(claim(10, 2, NOW)).hasSize(2);
        assertThat(claim(10, 2, NOW)).isEmpty();
        cleanUp(s);
    }

    @Test
    void aStaleLeaseWritesNothingAndTheLogKeepsEveryAttempt() {
        WebhookSubscription s = subscribe(Set.of(), true);
        publish("video.submitted", UUID.randomUUID().toString(), NOW);
        DueDelivery first = claim(1, 1, NOW).get(0);
        record(first, null, Next.RETRY, NOW);
        DueDelivery second = claim(1, 1, NOW).get(0);

        assertThat(record(first, 200, Next.SUCCEEDED, null)).as("the first run's lease is stale").isFalse();
        assertThat(record(second, 503, Next.DEAD, null)).isTrue();

        WebhookDelivery logged = inTransaction(() -> deliveries().log(s.id(), java.util.Optional.empty(), 10)).get(0);
        assertThat(logged.state()).isEqualTo("DEAD");
        assertThat(logged.attempts()).extracting(DeliveryAttempt::statusCode).containsExactly(null, 503);
        assertThat(logged.attempts().get(0).error()).isEqualTo("timeout");
        assertThat(logged.attempts().get(1).latencyMillis()).isEqualTo(12);
        assertThat(inTransaction(() -> deliveries().failing(NOW.minusSeconds(60)))).extracting(f -> f.subscriptionId()).contains(s.id());
        cleanUp(s);
    }

    @Test
    void aReplayDeliversTheSameEventAgain() {
        WebhookSubscription s = subscribe(Set.of(), true);
        PublishedEvent event = publish("video.submitted", UUID.randomUUID().toString(), NOW).get(0);
        DueDelivery first = claim(1, 1, NOW).get(0);
        record(first, 200, Next.SUCCEEDED, null);

        long replay = inTransaction(() -> deliveries().replay(first.lease().deliveryId(), 3, NOW.plusSeconds(1)));
        DueDelivery again = claim(1, 1, NOW.plusSeconds(1)).get(0);

        assertThat(again.lease().deliveryId()).isEqualTo(replay);
        assertThat(again.event().id()).isEqualTo(event.id());
        assertThat(inTransaction(() -> deliveries().find(replay))).get().extracting(WebhookDelivery::replayOf)
                .isEqualTo(first.lease().deliveryId());
        cleanUp(s);
    }

    @Test
    void aTimeRangeReplaysTheEventsPublishedInIt() {
        WebhookSubscription s = subscribe(Set.of("video.uploaded"), true);
        String video = UUID.randomUUID().toString();
        publish("video.uploaded", video, NOW.plusSeconds(10));
        publish("video.submitted", video, NOW.plusSeconds(20));
        publish("video.uploaded", video, NOW.plusSeconds(30));

        int replayed = inTransaction(() -> deliveries().replayRange(s, NOW.plusSeconds(5), NOW.plusSeconds(25), 3, NOW.plusSeconds(40)));

        assertThat(replayed).isEqualTo(1);
        cleanUp(s);
    }

    @Test
    void statsCountDeliveriesByStateAndAttemptsByOutcome() {
        WebhookSubscription s = subscribe(Set.of(), true);
        publish("video.submitted", UUID.randomUUID().toString(), NOW);
        publish("video.submitted", UUID.randomUUID().toString(), NOW);
        List<DueDelivery> due = claim(2, 2, NOW);
        record(due.get(0), 204, Next.SUCCEEDED, null);
        record(due.get(1), 500, Next.RETRY, NOW.plusSeconds(10));

        WebhookDeliveries.DeliveryStats stats = inTransaction(() -> deliveries().stats(NOW.minusSeconds(60)));

        assertThat(stats.byState()).containsEntry("SUCCEEDED", 1L).containsEntry("AVAILABLE", 1L);
        assertThat(stats.succeeded()).isEqualTo(1);
        assertThat(stats.failed()).isEqualTo(1);
        assertThat(stats.latencyP95()).isEqualTo(Duration.ofMillis(12));
        cleanUp(s);
    }

    @Test
    void anExpiredLeaseIsRescued() {
        WebhookSubscription s = subscribe(Set.of(), true);
        publish("video.submitted", UUID.randomUUID().toString(), NOW);
        claim(1, 1, NOW);

        assertThat(inTransaction(() -> deliveries().rescueExpired(LEASE.plusSeconds(1)))).isEqualTo(1);
        assertThat(claim(1, 1, LEASE.plusSeconds(1))).extracting(d -> d.lease().attempt()).containsExactly(2);
        cleanUp(s);
    }

    private void cleanUp(WebhookSubscription... subscriptions) {
        for (WebhookSubscription s : subscriptions) {
            inTransaction(() -> subscriptions().delete(s.id()));
        }
    }
}
