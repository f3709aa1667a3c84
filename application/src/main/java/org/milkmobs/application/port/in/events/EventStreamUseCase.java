package org.milkmobs.application.port.in.events;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.milkmobs.domain.events.EventAudience;
import org.milkmobs.domain.events.PublishedEvent;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.video.VideoId;

/** Server-sent event streams: who sees what, reading the stored events from a sequence on, and waiting for new ones. */
public interface EventStreamUseCase {

    /**
     * What the caller's stream shows: admins every event, consumers their own videos' events; narrowed to one video
     * when given (which the caller must be able to see, else {@code VideoNotFoundException}).
     */
    EventAudience audience(Caller caller, Optional<VideoId> video);

    /** Published events after {@code sequence} the audience sees, oldest first. */
    List<PublishedEvent> after(long sequence, EventAudience audience, int limit);

    /** The last published sequence: where a stream without {@code Last-Event-ID} starts. */
    long head();

    /** Blocks (no transaction held) until events may have been published, at most {@code timeout}. */
    boolean awaitPublished(Duration timeout) throws InterruptedException;
}
