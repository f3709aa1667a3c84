package org.milkmobs.adapters.persistence.events;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.adapters.persistence.testing.JpaTestSupport;
import org.milkmobs.application.port.out.events.EventLog;
import org.milkmobs.application.port.out.events.EventOutbox;
import org.milkmobs.application.port.out.events.EventSignals;
import org.milkmobs.application.testing.EventsContract;
import org.milkmobs.domain.events.EventAudience;
import org.milkmobs.domain.events.PublishedEvent;

/** The events contract on PostgreSQL (outbox, published stream, LISTEN/NOTIFY), and what only concurrency shows. */
class PostgresEventsTest extends EventsContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("events");

    private static EventOutboxAdapter adapter;
    private static PostgresEventSignals signals;

    @BeforeAll
    static void open() {
        adapter = new EventOutboxAdapter(database.em());
        signals = new PostgresEventSignals(database.database().jdbcUrl(), database.database().user(), database.database().password());
    }

    @AfterAll
    static void close() {
        signals.close();
    }

    @Override
    protected EventOutbox outbox() {
        return adapter;
    }

    @Override
    protected EventLog log() {
        return adapter;
    }

    @Override
    protected EventSignals signals() {
        return signals;
    }

    /**
     * Writers commit in any order while relays on several "instances" publish: a reader that polls the stream never
     * sees a sequence appear behind one it has already read, and every event is read exactly once.
     */
    @Test
    void concurrentWritersAndRelaysGiveReadersAGaplessStream() throws Exception {
        long start = inTransaction(adapter::lastSequence);
        int writers = 4;
        int perWriter = 50;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                work.add(pool.submit(() -> {
                    EntityManager own = database.newEntityManager();
                    EventOutboxAdapter outbox = new EventOutboxAdapter(own);
                    for (int i = 0; i < perWriter; i++) {
                        JpaTestSupport.inTransaction(own, ignored -> {
                            outbox.append("video.submitted", "s", Map.of("videoId", UUID.randomUUID().toString(), "ownerId", "o"), NOW);
                            return null;
                        });
                    }
                    own.close();
                    return null;
                }));
            }
            List<Future<Integer>> relays = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                relays.add(pool.submit(() -> {
                    EntityManager own = database.newEntityManager();
                    EventOutboxAdapter relay = new EventOutboxAdapter(own);
                    int published = 0;
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (System.nanoTime() < deadline) {
                        published += JpaTestSupport.inTransaction(own, ignored -> relay.publishPending(7, Instant.now()).size());
                        if (work.stream().allMatch(Future::isDone)
                                && JpaTestSupport.inTransaction(own, ignored -> relay.publishPending(1000, Instant.now()).size()) == 0) {
                            break;
                        }
                    }
                    own.close();
                    return published;
                }));
            }
            List<Long> read = new ArrayList<>();
            long cursor = start;
            while (read.size() < writers * perWriter) {
                long from = cursor;
                boolean relaysDone = relays.stream().allMatch(Future::isDone);
                List<PublishedEvent> page = inTransaction(() -> adapter.after(from, EventAudience.all(), 1000));
                for (PublishedEvent event : page) {
                    read.add(event.sequence());
                    cursor = event.sequence();
                }
                assertThat(relaysDone && page.isEmpty() && read.size() < writers * perWriter)
                        .as("the relays finished but events are missing").isFalse();
            }
            for (Future<?> f : work) {
                f.get();
            }
            List<Long> expected = new ArrayList<>();
            for (long s = start + 1; s <= start + writers * perWriter; s++) {
                expected.add(s);
            }
            assertThat(read).containsExactlyElementsOf(expected);
        } finally {
            pool.shutdownNow();
        }
    }
}
