package org.milkmobs.application.service.events;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.milkmobs.application.port.in.VideoNotFoundException;
import org.milkmobs.application.port.in.events.EventStreamUseCase;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.Transactions;
import org.milkmobs.application.port.out.events.EventLog;
import org.milkmobs.application.port.out.events.EventSignals;
import org.milkmobs.domain.events.EventAudience;
import org.milkmobs.domain.events.PublishedEvent;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/**
 * Reads the stored event stream for server-sent events. Not wrapped in a use-case transaction: a stream waits
 * for minutes, so each read is a short transaction of its own.
 */
public class EventStreamService implements EventStreamUseCase {

    private final LoadVideoPort videos;
    private final EventLog log;
    private final EventSignals signals;
    private final Transactions transactions;

    public EventStreamService(LoadVideoPort videos, EventLog log, EventSignals signals, Transactions transactions) {
        this.videos = videos;
        this.log = log;
        this.signals = signals;
        this.transactions = transactions;
    }

    @Override
    public EventAudience audience(Caller caller, Optional<VideoId> video) {
        EventAudience audience = caller.admin() ? EventAudience.all() : EventAudience.ownerOf(caller.userId().value());
        if (video.isEmpty()) {
            return audience;
        }
        Video found = transactions.inTransaction(() -> videos.loadVideo(video.get()))
                .filter(v -> v.manageableBy(caller))
                .orElseThrow(() -> new VideoNotFoundException(video.get()));
        return audience.onlyVideo(found.id().toString());
    }

    @Override
    public List<PublishedEvent> after(long sequence, EventAudience audience, int limit) {
        return transactions.inTransaction(() -> log.after(sequence, audience, limit));
    }

    @Override
    public long head() {
        return transactions.inTransaction(log::lastSequence);
    }

    @Override
    public boolean awaitPublished(Duration timeout) throws InterruptedException {
        return signals.awaitPublished(timeout);
    }
}
