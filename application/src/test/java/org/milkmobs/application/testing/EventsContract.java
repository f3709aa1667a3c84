package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.events.EventLog;
import org.milkmobs.application.port.out.events.EventOutbox;
import org.milkmobs.application.port.out.events.EventSignals;
import org.milkmobs.domain.events.EventAudience;
import org.milkmobs.domain.events.PublishedEvent;

/** What the outbox, the published stream and the signals promise; run on the in-memory twin and on PostgreSQL. */
public abstract class EventsContract extends ContractSuite {

    protected static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    protected abstract EventOutbox outbox();

    protected abstract EventLog log();

    protected abstract EventSignals signals();

    protected void append(String type, String video, String owner) {
        inTransaction(() -> {
            outbox().append(type, video == null ? "global" : video, video == null ? Map.of("scope", "global")
                    : Map.of("videoId", video, "ownerId", owner), NOW);
            return null;
        });
    }

    /** Signals left from earlier work (or a listener's start) are consumed first. */
    private void drainSignals() throws InterruptedException {
        while (signals().awaitAppended(Duration.ofMillis(300))) {
            // consumed
        }
        while (signals().awaitPublished(Duration.ofMillis(300))) {
            // consumed
        }
    }

    @Test
    void publishingNumbersEventsInOrderAndOnlyOnce() {
        long head = inTransaction(() -> log().lastSequence());
        String video = UUID.randomUUID().toString();
        append("video.submitted", video, "alice");
        append("video.uploaded", video, "alice");

        assertThat(inTransaction(() -> log().unpublished())).isEqualTo(2);
        List<PublishedEvent> first = inTransaction(() -> outbox().publishPending(100, NOW));
        List<PublishedEvent> again = inTransaction(() -> outbox().publishPending(100, NOW));

        assertThat(first).extracting(PublishedEvent::type).containsExactly("video.submitted", "video.uploaded");
        assertThat(first).extracting(PublishedEvent::sequence).containsExactly(head + 1, head + 2);
        assertThat(first.get(0).id()).isNotEqualTo(first.get(1).id());
        assertThat(first.get(0).videoId()).isEqualTo(video);
        assertThat(first.get(0).ownerId()).isEqualTo("alice");
        assertThat(again).isEmpty();
        assertThat(inTransaction(() -> log().unpublished())).isZero();
        assertThat(inTransaction(() -> log().lastSequence())).isEqualTo(head + 2);
    }

    @Test
    void aStreamReadsAfterItsCursorOnlyWhatItsAudienceSees() {
        long head = inTransaction(() -> log().lastSequence());
        String alices = UUID.randomUUID().toString();
        String bobs = UUID.randomUUID().toString();
        append("video.submitted", alices, "alice");
        append("video.submitted", bobs, "bob");
        append("budget.threshold", null, null);
        append("video.uploaded", alices, "alice");
        inTransaction(() -> outbox().publishPending(100, NOW));

        assertThat(inTransaction(() -> log().after(head, EventAudience.all(), 100))).hasSize(4);
        assertThat(inTransaction(() -> log().after(head, EventAudience.ownerOf("alice"), 100)))
                .extracting(PublishedEvent::type).containsExactly("video.submitted", "video.uploaded");
        assertThat(inTransaction(() -> log().after(head, EventAudience.all().onlyVideo(bobs), 100)))
                .extracting(PublishedEvent::ownerId).containsExactly("bob");
        assertThat(inTransaction(() -> log().after(head + 1, EventAudience.ownerOf("alice"), 100)))
                .extracting(PublishedEvent::type).containsExactly("video.uploaded");
        assertThat(inTransaction(() -> log().after(head, EventAudience.all(), 2))).hasSize(2);
    }

    @Test
    void anAppendAndAPublicationAreSignalled() throws InterruptedException {
        drainSignals();

        append("video.submitted", UUID.randomUUID().toString(), "carol");
        assertThat(signals().awaitAppended(Duration.ofSeconds(10))).isTrue();
        inTransaction(() -> outbox().publishPending(100, NOW));
        assertThat(signals().awaitPublished(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void withoutAppendsAWaitEndsUnsignalled() throws InterruptedException {
        drainSignals();

        assertThat(signals().awaitAppended(Duration.ofMillis(300))).isFalse();
    }
}
