package org.milkmobs.application.port.out.events;

import java.util.List;
import org.milkmobs.domain.events.EventAudience;
import org.milkmobs.domain.events.PublishedEvent;

/** The published events, read by their sequence: what a stream resumes from. */
public interface EventLog {

    /** Events after {@code sequence} that the audience sees, oldest first. */
    List<PublishedEvent> after(long sequence, EventAudience audience, int limit);

    /** The highest sequence published so far (0 when none). */
    long lastSequence();

    /** Events appended but not yet published. */
    long unpublished();
}
