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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.milkmobs.adapters.rest.Roles;
import org.milkmobs.adapters.rest.pipeline.PipelineModels.JobPageResponse;
import org.milkmobs.adapters.rest.pipeline.PipelineModels.JobResponse;
import org.milkmobs.adapters.rest.pipeline.PipelineModels.QueueResponse;
import org.milkmobs.adapters.rest.pipeline.PipelineModels.QueuesResponse;
import org.milkmobs.adapters.rest.problem.InvalidRequestException;
import org.milkmobs.adapters.rest.problem.Problem;
import org.milkmobs.adapters.rest.problem.Problems;
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
@Tag(name = "pipeline", description = "The analysis workflow: history, jobs and queues")
@APIResponse(responseCode = "403", description = "The caller is not an admin",
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AdminPipelineResource {

    @Inject
    PipelineAdminUseCase pipeline;

    @Inject
    CallerResolver callers;

    @GET
    @Path("jobs")
    @Operation(operationId = "adminListJobs", summary = "Jobs newest first, by state and step")
    @APIResponse(responseCode = "200", description = "A page of jobs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobPageResponse.class)))
    public JobPageResponse jobs(@QueryParam("state") String state, @QueryParam("step") String step, @QueryParam("cursor") String cursor,
                                @QueryParam("limit") String limit) {
        Page<JobRecord> page = pipeline.jobs(QueryParams.oneOf("state", state, JobState.class),
                QueryParams.text(step).map(PipelineStep::fromWireName), QueryParams.text(cursor), QueryParams.limit(limit, 50, 200));
        return new JobPageResponse(page.items().stream().map(JobResponse::from).toList(), page.nextCursor().orElse(null));
    }

    @POST
    @Path("jobs/{jobId}/retry")
    @Operation(operationId = "adminRetryJob", summary = "Redrive a dead or cancelled job's workflow with fresh attempts")
    @APIResponse(responseCode = "200", description = "The job, back in the queue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobResponse.class)))
    public JobResponse retry(@PathParam("jobId") String jobId) {
        return JobResponse.from(pipeline.retry(jobId(jobId), callers.current()));
    }

    @POST
    @Path("jobs/{jobId}/cancel")
    @Operation(operationId = "adminCancelJob", summary = "Stop the job's workflow: its unfinished jobs are cancelled")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobResponse.class)))
    public JobResponse cancel(@PathParam("jobId") String jobId) {
        return JobResponse.from(pipeline.cancel(jobId(jobId), callers.current()));
    }

    @GET
    @Path("queues")
    @Operation(operationId = "adminQueues", summary = "Per step: jobs by state, oldest waiting age, paused or not")
    @APIResponse(responseCode = "200", description = "The queues",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueuesResponse.class)))
    public QueuesResponse queues() {
        return new QueuesResponse(pipeline.queues().stream().map(QueueResponse::from).toList());
    }

    @POST
    @Path("queues/{step}/pause")
    @Operation(operationId = "adminPauseStep", summary = "Stop claiming jobs of a step (running ones finish)")
    @APIResponse(responseCode = "200", description = "The queues",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueuesResponse.class)))
    public QueuesResponse pause(@PathParam("step") String step) {
        pipeline.pause(PipelineStep.fromWireName(step));
        return queues();
    }

    @POST
    @Path("queues/{step}/resume")
    @Operation(operationId = "adminResumeStep", summary = "Claim jobs of a paused step again")
    @APIResponse(responseCode = "200", description = "The queues",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueuesResponse.class)))
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
