package org.milkmobs.application.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.milkmobs.application.port.out.events.EventLog;
import org.milkmobs.application.port.out.events.EventOutbox;
import org.milkmobs.application.port.out.events.EventSignals;
import org.milkmobs.domain.events.EventAudience;
import org.milkmobs.domain.events.PublishedEvent;

/** The outbox, the published stream and their signals in memory: the twin of the PostgreSQL adapters. */
public class InMemoryEvents implements EventOutbox, EventLog, EventSignals {

    private final List<PublishedEvent> pending = new ArrayList<>();
    private final List<PublishedEvent> published = new ArrayList<>();
    private long appendedSignals;
    private long publishedSignals;
    private final ThreadLocal<long[]> seen = ThreadLocal.withInitial(() -> new long[] {-1, -1});

    @Override
    public synchronized void append(String type, String subject, Map<String, String> payload, Instant now) {
        pending.add(new PublishedEvent(0, UUID.randomUUID(), type, now, subject, payload.get("videoId"), payload.get("ownerId"), payload));
        appendedSignals++;
        notifyAll();
    }

    @Override
    public synchronized List<PublishedEvent> publishPending(int limit, Instant now) {
        List<PublishedEvent> done = new ArrayList<>();
        while (!pending.isEmpty() && done.size() < limit) {
            PublishedEvent e = pending.remove(0);
            PublishedEvent numbered = new PublishedEvent(published.size() + 1, e.id(), e.type(), e.time(), e.resourceId(), e.videoId(),
                    e.ownerId(), e.data());
            published.add(numbered);
            done.add(numbered);
        }
        if (!done.isEmpty()) {
            publishedSignals++;
            notifyAll();
        }
        return done;
    }

    @Override
    public synchronized List<PublishedEvent> after(long sequence, EventAudience audience, int limit) {
        return published.stream().filter(e -> e.sequence() > sequence && audience.sees(e)).limit(limit).toList();
    }

    @Override
    public synchronized long lastSequence() {
        return published.size();
    }

    @Override
    public synchronized long unpublished() {
        return pending.size();
    }

    public synchronized List<PublishedEvent> published() {
        return List.copyOf(published);
    }

    public synchronized List<PublishedEvent> pending() {
        return List.copyOf(pending);
    }

    @Override
    public boolean awaitAppended(Duration timeout) throws InterruptedException {
        return await(0, timeout);
    }

    @Override
    public boolean awaitPublished(Duration timeout) throws InterruptedException {
        return await(1, timeout);
    }

    private synchronized boolean await(int channel, Duration timeout) throws InterruptedException {
        long[] mine = seen.get();
        long last = mine[channel] < 0 ? count(channel) : mine[channel];
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(channel) == last && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        mine[channel] = count(channel);
        return mine[channel] != last;
    }

    private long count(int channel) {
        return channel == 0 ? appendedSignals : publishedSignals;
    }
}
