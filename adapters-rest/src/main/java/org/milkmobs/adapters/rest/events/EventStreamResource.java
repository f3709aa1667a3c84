package org.milkmobs.adapters.rest.events;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;
import org.milkmobs.adapters.rest.problem.InvalidRequestException;
import org.milkmobs.adapters.rest.security.CallerResolver;
import org.milkmobs.application.port.in.events.EventStreamUseCase;
import org.milkmobs.domain.events.EventAudience;

/**
 * Server-sent event streams. The request thread only decides who sees what (a short transaction of its own) and
 * hands the sink to the {@link SseHub}; no transaction stays open while the stream does.
 */
@Path("/events")
@RequestScoped
public class EventStreamResource {

    @Inject
    EventStreamUseCase events;

    @Inject
    SseHub hub;

    @Inject
    CallerResolver callers;

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId,
                       @QueryParam("lastEventId") String lastEventIdParameter) {
        EventAudience audience = events.audience(callers.current(), Optional.empty());
        hub.open(sink, sse, audience, sequence(lastEventId, lastEventIdParameter));
    }

    /** The header wins; the query parameter is for browsers' EventSource, which cannot set headers on its first request. */
    static Long sequence(String header, String parameter) {
        String text = header != null && !header.isBlank() ? header : parameter;
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long sequence = Long.parseLong(text.strip());
            if (sequence < 0) {
                throw new NumberFormatException();
            }
            return sequence;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("Last-Event-ID", "Last-Event-ID must be the id of an event this API sent (a number)");
        }
    }
}
