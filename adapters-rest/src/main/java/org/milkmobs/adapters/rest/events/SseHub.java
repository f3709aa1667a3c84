package org.milkmobs.adapters.rest.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.milkmobs.application.port.in.events.EventStreamUseCase;
import org.milkmobs.domain.events.EventAudience;
import org.milkmobs.domain.events.EventDocument;
import org.milkmobs.domain.events.PublishedEvent;

/**
 * The open server-sent event streams of this instance. One dispatcher (run by bootstrap on a managed thread)
 * reads each newly published event once from the database and hands it to every stream whose audience sees it;
 * it wakes on the database's NOTIFY (from whichever instance published) or polls. A stream that resumes
 * ({@code Last-Event-ID}) first catches up from the stored events, under the same lock, so nothing is lost or
 * sent twice: a stream's cursor only moves forward.
 */
@ApplicationScoped
public class SseHub {

    private static final Logger LOG = Logger.getLogger(SseHub.class.getName());
    private static final int PAGE = 500;
    private static final long RECONNECT_DELAY_MILLIS = 2_000;

    @Inject
    EventStreamUseCase events;

    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private long head = -1;

    /** Starts a stream after {@code lastEventId} (catching up on what it missed), or at the newest event when absent. */
    public void open(SseEventSink sink, Sse sse, EventAudience audience, Long lastEventId) {
        synchronized (this) {
            Stream stream = new Stream(sink, sse, audience, lastEventId == null ? currentHead() : lastEventId);
            stream.send(sse.newEventBuilder().comment("connected").reconnectDelay(RECONNECT_DELAY_MILLIS).build());
            if (lastEventId != null) {
                catchUp(stream);
            }
            if (!stream.closed()) {
                streams.add(stream);
            }
        }
    }

    public int openStreams() {
        return streams.size();
    }

    /** The dispatcher loop: runs until {@code running} turns false. */
    public void dispatch(BooleanSupplier running, Duration heartbeat, Duration poll) {
        while (running.getAsBoolean()) {
            try {
                boolean more = deliverFresh();
                heartbeats(heartbeat);
                if (!more) {
                    events.awaitPublished(poll);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "event streams: reading new events failed; trying again", e);
                sleep(poll);
            }
        }
        streams.forEach(Stream::close);
        streams.clear();
    }

    private synchronized long currentHead() {
        if (head < 0) {
            head = events.head();
        }
        return head;
    }

    private synchronized boolean deliverFresh() {
        long from = currentHead();
        List<PublishedEvent> fresh = events.after(from, EventAudience.all(), PAGE);
        for (PublishedEvent event : fresh) {
            for (Stream stream : streams) {
                if (stream.audience.sees(event)) {
                    stream.deliver(event);
                }
            }
            head = event.sequence();
        }
        streams.removeIf(Stream::closed);
        return fresh.size() == PAGE;
    }

    private void catchUp(Stream stream) {
        List<PublishedEvent> page;
        do {
            page = events.after(stream.cursor, stream.audience, PAGE);
            page.forEach(stream::deliver);
        } while (page.size() == PAGE && !stream.closed());
    }

    private void heartbeats(Duration every) {
        long now = System.nanoTime();
        for (Stream stream : streams) {
            if (now - stream.lastSentNanos >= every.toNanos()) {
                stream.send(stream.sse.newEventBuilder().comment("heartbeat").build());
            }
        }
        streams.removeIf(Stream::closed);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One client's stream: its sink, what it may see, and the last sequence it was given. */
    private static final class Stream {
        private final SseEventSink sink;
        private final Sse sse;
        private final EventAudience audience;
        private volatile long cursor;
        private volatile long lastSentNanos = System.nanoTime();
        private volatile boolean failed;

        Stream(SseEventSink sink, Sse sse, EventAudience audience, long cursor) {
            this.sink = sink;
            this.sse = sse;
            this.audience = audience;
            this.cursor = cursor;
        }

        void deliver(PublishedEvent event) {
            if (event.sequence() <= cursor) {
                return;
            }
            send(sse.newEventBuilder().id(String.valueOf(event.sequence())).name(event.type())
                    .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, EventDocument.json(event)).build());
            cursor = event.sequence();
        }

        void send(OutboundSseEvent event) {
            if (closed()) {
                return;
            }
            try {
                sink.send(event).whenComplete((ignored, error) -> {
                    if (error != null) {
                        failed = true;
                    }
                });
                lastSentNanos = System.nanoTime();
            } catch (RuntimeException e) {
                failed = true;
            }
        }

        boolean closed() {
            return failed || sink.isClosed();
        }

        void close() {
            try {
                sink.close();
            } catch (RuntimeException e) {
                // the client is gone already
            }
        }
    }
}
