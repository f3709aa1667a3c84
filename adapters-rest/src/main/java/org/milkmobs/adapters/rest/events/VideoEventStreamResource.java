package org.milkmobs.adapters.rest.events;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;
import org.milkmobs.adapters.rest.security.CallerResolver;
import org.milkmobs.application.port.in.events.EventStreamUseCase;
import org.milkmobs.domain.events.EventAudience;
import org.milkmobs.domain.video.VideoId;

/** One video's server-sent event stream, for its owner and admins (a root of its own, more specific than /videos). */
@Path("/videos/{videoId}/events")
@RequestScoped
public class VideoEventStreamResource {

    @Inject
    EventStreamUseCase events;

    @Inject
    SseHub hub;

    @Inject
    CallerResolver callers;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("videoId") String videoId, @Context SseEventSink sink, @Context Sse sse,
                       @HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("lastEventId") String lastEventIdParameter) {
        EventAudience audience = events.audience(callers.current(), Optional.of(VideoId.parse(videoId)));
        hub.open(sink, sse, audience, EventStreamResource.sequence(lastEventId, lastEventIdParameter));
    }
}
