package org.milkmobs.application.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.milkmobs.application.port.out.events.WebhookDeliveries;
import org.milkmobs.application.port.out.events.WebhookSubscriptions;
import org.milkmobs.domain.events.DeliveryAttempt;
import org.milkmobs.domain.events.EventAudience;
import org.milkmobs.domain.events.FailingSubscription;
import org.milkmobs.domain.events.PublishedEvent;
import org.milkmobs.domain.events.WebhookDelivery;
import org.milkmobs.domain.events.WebhookSubscription;

/** Webhook subscriptions and deliveries in memory, over the published events of an {@link InMemoryEvents}. */
public class InMemoryWebhooks implements WebhookSubscriptions, WebhookDeliveries {

    private final InMemoryEvents events;
    private final Map<UUID, WebhookSubscription> subscriptions = new LinkedHashMap<>();
    private final Map<Long, Row> deliveries = new LinkedHashMap<>();
    private long nextId = 1;

    public InMemoryWebhooks(InMemoryEvents events) {
        this.events = events;
    }

    private static final class Row {
        long id;
        UUID subscription;
        PublishedEvent event;
        String state = "AVAILABLE";
        int attempt;
        int maxAttempts;
        Instant runAt;
        Instant leaseUntil;
        Long replayOf;
        Instant createdAt;
        Instant finishedAt;
        final List<DeliveryAttempt> attempts = new ArrayList<>();
    }

    @Override
    public synchronized void save(WebhookSubscription subscription) {
        subscriptions.put(subscription.id(), subscription);
    }

    @Override
    public synchronized Optional<WebhookSubscription> find(UUID id) {
        return Optional.ofNullable(subscriptions.get(id));
    }

    @Override
    public synchronized List<WebhookSubscription> all() {
        return List.copyOf(subscriptions.values());
    }

    @Override
    public synchronized boolean delete(UUID id) {
        deliveries.values().removeIf(r -> r.subscription.equals(id));
        return subscriptions.remove(id) != null;
    }

    @Override
    public synchronized int enqueue(List<PublishedEvent> published, int maxAttempts, Instant now) {
        int count = 0;
        for (PublishedEvent event : published) {
            for (WebhookSubscription s : subscriptions.values()) {
                if (s.wants(event.type())) {
                    add(s.id(), event, maxAttempts, now, null);
                    count++;
                }
            }
        }
        return count;
    }

    private Row add(UUID subscription, PublishedEvent event, int maxAttempts, Instant now, Long replayOf) {
        Row row = new Row();
        row.id = nextId++;
        row.subscription = subscription;
        row.event = event;
        row.maxAttempts = maxAttempts;
        row.runAt = now;
        row.createdAt = now;
        row.replayOf = replayOf;
        deliveries.put(row.id, row);
        return row;
    }

    @Override
    public synchronized List<DueDelivery> claim(String worker, int limit, int perSubscription, Instant now, Instant leaseUntil) {
        List<DueDelivery> claimed = new ArrayList<>();
        List<Row> due = deliveries.values().stream().filter(r -> r.state.equals("AVAILABLE") && !r.runAt.isAfter(now))
                .sorted(Comparator.comparing((Row r) -> r.runAt).thenComparingLong(r -> r.id)).toList();
        for (Row row : due) {
            if (claimed.size() == limit) {
                break;
            }
            boolean earlierUnfinished = row.event.videoId() != null && deliveries.values().stream().anyMatch(o -> o.subscription.equals(row.subscription)
                    && Objects.equals(o.event.videoId(), row.event.videoId()) && o.event.sequence() < row.event.sequence()
                    && (o.state.equals("AVAILABLE") || o.state.equals("RUNNING")));
            long running = deliveries.values().stream().filter(o -> o.subscription.equals(row.subscription) && o.state.equals("RUNNING")).count();
            if (earlierUnfinished || running >= perSubscription) {
                continue;
            }
            row.state = "RUNNING";
            row.attempt++;
            row.leaseUntil = leaseUntil;
            claimed.add(new DueDelivery(new DeliveryLease(row.id, row.attempt), row.maxAttempts, subscriptions.get(row.subscription), row.event));
        }
        return claimed;
    }

    @Override
    public synchronized boolean record(DeliveryLease lease, DeliveryAttempt attempt, Next next, Instant retryAt, Instant now) {
        Row row = deliveries.get(lease.deliveryId());
        if (row == null || row.attempt != lease.attempt() || !row.state.equals("RUNNING")) {
            return false;
        }
        row.attempts.add(attempt);
        row.leaseUntil = null;
        switch (next) {
            case SUCCEEDED -> finish(row, "SUCCEEDED", now);
            case DEAD -> finish(row, "DEAD", now);
            case RETRY -> {
                row.state = "AVAILABLE";
                row.runAt = retryAt;
            }
        }
        return true;
    }

    private static void finish(Row row, String state, Instant now) {
        row.state = state;
        row.finishedAt = now;
    }

    @Override
    public synchronized int rescueExpired(Instant now) {
        int rescued = 0;
        for (Row row : deliveries.values()) {
            if (row.state.equals("RUNNING") && row.leaseUntil.isBefore(now)) {
                row.leaseUntil = null;
                if (row.attempt >= row.maxAttempts) {
                    finish(row, "DEAD", now);
                } else {
                    row.state = "AVAILABLE";
                }
                rescued++;
            }
        }
        return rescued;
    }

    @Override
    public synchronized List<WebhookDelivery> log(UUID subscription, Optional<Long> before, int limit) {
        return deliveries.values().stream().filter(r -> r.subscription.equals(subscription) && r.id < before.orElse(Long.MAX_VALUE))
                .sorted(Comparator.comparingLong((Row r) -> r.id).reversed()).limit(limit).map(InMemoryWebhooks::view).toList();
    }

    @Override
    public synchronized Optional<WebhookDelivery> find(long deliveryId) {
        return Optional.ofNullable(deliveries.get(deliveryId)).map(InMemoryWebhooks::view);
    }

    @Override
    public synchronized long replay(long deliveryId, int maxAttempts, Instant now) {
        Row original = deliveries.get(deliveryId);
        return add(original.subscription, original.event, maxAttempts, now, original.id).id;
    }

    @Override
    public synchronized int replayRange(WebhookSubscription subscription, Instant from, Instant to, int maxAttempts, Instant now) {
        WebhookSubscription stored = subscriptions.get(subscription.id());
        int count = 0;
        for (PublishedEvent event : events.after(0, EventAudience.all(), Integer.MAX_VALUE)) {
            boolean wanted = stored.eventTypes().isEmpty() || stored.eventTypes().contains(event.type());
            if (wanted && !event.time().isBefore(from) && event.time().isBefore(to)) {
                add(stored.id(), event, maxAttempts, now, null);
                count++;
            }
        }
        return count;
    }

    @Override
    public synchronized List<FailingSubscription> failing(Instant since) {
        List<FailingSubscription> failing = new ArrayList<>();
        for (WebhookSubscription s : subscriptions.values()) {
            List<Row> rows = deliveries.values().stream().filter(r -> r.subscription.equals(s.id())).toList();
            List<DeliveryAttempt> recent = rows.stream().flatMap(r -> r.attempts.stream()).filter(a -> !a.at().isBefore(since))
                    .sorted(Comparator.comparing(DeliveryAttempt::at)).toList();
            List<DeliveryAttempt> failed = recent.stream().filter(InMemoryWebhooks::failed).toList();
            long dead = rows.stream().filter(r -> r.state.equals("DEAD") && !r.finishedAt.isBefore(since)).count();
            boolean latestFailed = !recent.isEmpty() && failed(recent.get(recent.size() - 1));
            if (latestFailed || dead > 0) {
                DeliveryAttempt last = failed.isEmpty() ? null : failed.get(failed.size() - 1);
                failing.add(new FailingSubscription(s.id(), s.url().toString(), failed.size(), dead,
                        last == null ? null : last.error() != null ? last.error() : "HTTP " + last.statusCode(), last == null ? null : last.at()));
            }
        }
        return failing;
    }

    @Override
    public synchronized DeliveryStats stats(Instant since) {
        Map<String, Long> byState = new java.util.TreeMap<>();
        deliveries.values().forEach(r -> byState.merge(r.state, 1L, Long::sum));
        List<DeliveryAttempt> recent = deliveries.values().stream().flatMap(r -> r.attempts.stream()).filter(a -> !a.at().isBefore(since))
                .toList();
        long failed = recent.stream().filter(InMemoryWebhooks::failed).count();
        List<Long> latencies = recent.stream().map(DeliveryAttempt::latencyMillis).sorted().toList();
        return new DeliveryStats(byState, recent.size() - failed, failed, percentile(latencies, 0.5), percentile(latencies, 0.95));
    }

    /** The nearest-rank percentile, as PostgreSQL's percentile_disc. */
    private static java.time.Duration percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return java.time.Duration.ZERO;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return java.time.Duration.ofMillis(sorted.get(Math.max(0, rank - 1)));
    }

    private static boolean failed(DeliveryAttempt a) {
        return a.statusCode() == null || a.statusCode() < 200 || a.statusCode() > 299;
    }

    private static WebhookDelivery view(Row r) {
        return new WebhookDelivery(r.id, r.subscription, r.event.sequence(), r.event.id(), r.event.type(), r.state, r.attempt, r.maxAttempts,
                r.runAt, r.replayOf, r.createdAt, r.finishedAt, r.attempts);
    }
}
