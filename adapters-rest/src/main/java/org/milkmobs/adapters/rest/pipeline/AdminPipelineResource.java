package org.milkmobs.adapters.rest.pipeline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.milkmobs.adapters.rest.Roles;
import org.milkmobs.adapters.rest.pipeline.PipelineModels.JobPageResponse;
import org.milkmobs.adapters.rest.pipeline.PipelineModels.JobResponse;
import org.milkmobs.adapters.rest.pipeline.PipelineModels.QueueResponse;
import org.milkmobs.adapters.rest.pipeline.PipelineModels.QueuesResponse;
import org.milkmobs.adapters.rest.problem.InvalidRequestException;
import org.milkmobs.adapters.rest.security.CallerResolver;
import org.milkmobs.adapters.rest.support.QueryParams;
import org.milkmobs.application.port.Page;
import org.milkmobs.application.port.in.pipeline.PipelineAdminUseCase;
import org.milkmobs.domain.pipeline.JobRecord;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.pipeline.PipelineStep;

@Path("/admin")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminPipelineResource {

    @Inject
    PipelineAdminUseCase pipeline;

    @Inject
    CallerResolver callers;

    @GET
    @Path("jobs")
    public JobPageResponse jobs(@QueryParam("state") String state, @QueryParam("step") String step, @QueryParam("cursor") String cursor,
                                @QueryParam("limit") String limit) {
        Page<JobRecord> page = pipeline.jobs(QueryParams.oneOf("state", state, JobState.class),
                QueryParams.text(step).map(PipelineStep::fromWireName), QueryParams.text(cursor), QueryParams.limit(limit, 50, 200));
        return new JobPageResponse(page.items().stream().map(JobResponse::from).toList(), page.nextCursor().orElse(null));
    }

    @POST
    @Path("jobs/{jobId}/retry")
    public JobResponse retry(@PathParam("jobId") String jobId) {
        return JobResponse.from(pipeline.retry(jobId(jobId), callers.current()));
    }

    @POST
    @Path("jobs/{jobId}/cancel")
    public JobResponse cancel(@PathParam("jobId") String jobId) {
        return JobResponse.from(pipeline.cancel(jobId(jobId), callers.current()));
    }

    @GET
    @Path("queues")
    public QueuesResponse queues() {
        return new QueuesResponse(pipeline.queues().stream().map(QueueResponse::from).toList());
    }

    @POST
    @Path("queues/{step}/pause")
    public QueuesResponse pause(@PathParam("step") String step) {
        pipeline.pause(PipelineStep.fromWireName(step));
        return queues();
    }

    @POST
    @Path("queues/{step}/resume")
    public QueuesResponse resume(@PathParam("step") String step) {
        pipeline.resume(PipelineStep.fromWireName(step));
        return queues();
    }

    private static long jobId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("jobId", "jobId must be a number");
        }
    }
}
