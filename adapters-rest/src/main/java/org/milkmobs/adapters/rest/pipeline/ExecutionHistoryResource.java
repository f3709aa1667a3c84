package org.milkmobs.adapters.rest.pipeline;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.milkmobs.adapters.rest.pipeline.PipelineModels.ExecutionHistoryResponse;
import org.milkmobs.adapters.rest.pipeline.PipelineModels.HistoryEventResponse;
import org.milkmobs.adapters.rest.problem.InvalidRequestException;
import org.milkmobs.adapters.rest.security.CallerResolver;
import org.milkmobs.application.port.in.pipeline.PipelineAdminUseCase;
import org.milkmobs.domain.video.VideoId;

@Path("/execution-history")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionHistoryResource {

    @Inject
    PipelineAdminUseCase pipeline;

    @Inject
    CallerResolver callers;

    @GET
    public ExecutionHistoryResponse history(@QueryParam("videoId") String videoId) {
        if (videoId == null || videoId.isBlank()) {
            throw new InvalidRequestException("videoId", "videoId is required");
        }
        VideoId id = VideoId.parse(videoId.strip());
        return new ExecutionHistoryResponse(id.toString(),
                pipeline.history(id, callers.current()).stream().map(HistoryEventResponse::from).toList());
    }

}
