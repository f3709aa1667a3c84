package org.milkmobs.adapters.rest.validation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.milkmobs.adapters.rest.problem.InvalidRequestException;
import org.milkmobs.adapters.rest.problem.Problem;
import org.milkmobs.adapters.rest.problem.Problems;
import org.milkmobs.adapters.rest.problem.RequestFields;
import org.milkmobs.adapters.rest.security.CallerResolver;
import org.milkmobs.application.port.in.validation.ValidateVideoUseCase;
import org.milkmobs.application.port.in.validation.ValidateVideoUseCase.AdminOverride;
import org.milkmobs.application.port.in.validation.ValidateVideoUseCase.ValidateCommand;
import org.milkmobs.application.port.in.validation.ValidateVideoUseCase.ValidationView;
import org.milkmobs.domain.validation.ValidationDecision;
import org.milkmobs.domain.video.VideoId;

@Path("/validate")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "validation", description = "Whether a video takes part in the trend, and why")
@APIResponse(responseCode = "404", description = "No such video of the caller",
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ValidationResource {

    @Inject
    ValidateVideoUseCase validation;

    @Inject
    CallerResolver callers;

    @Schema(name = "ValidateRequest", description = "Re-validate a video; admins may impose a decision with a reason")
    public record ValidateRequest(@Schema(required = true, format = "uuid") String videoId,
                                  @Schema(nullable = true, type = SchemaType.STRING, enumeration = {"VALIDATED", "REJECTED"},
                                          description = "An admin's decision; leave out to re-run the automatic validation")
                                  String decision,
                                  @Schema(nullable = true, description = "Why the admin decided so (required with decision)") String reason) {
    }

    @Schema(name = "SignalResult", description = "One signal of a decision: its score (absent when it could not be measured) and weight")
    public record SignalResponse(@Schema(required = true) String signal, @Schema(nullable = true) Double score,
                                 @Schema(required = true) double weight, @Schema(required = true) double effectiveWeight,
                                 @Schema(required = true) double contribution) {
    }

    @Schema(name = "ValidationDecision")
    public record DecisionResponse(@Schema(required = true) boolean accepted, @Schema(required = true) double score,
                                   @Schema(required = true) double threshold, @Schema(required = true) List<SignalResponse> breakdown,
                                   @Schema(required = true, type = SchemaType.STRING, enumeration = {"AUTOMATIC", "OVERRIDE"}) String kind,
                                   @Schema(nullable = true) String decidedBy, @Schema(nullable = true) String reason,
                                   @Schema(required = true) Instant decidedAt) {
        static DecisionResponse from(ValidationDecision d) {
            return new DecisionResponse(d.accepted(), d.score(), d.threshold(), d.breakdown().stream()
                    .map(r -> new SignalResponse(r.signal().name(), r.score(), r.weight(), r.effectiveWeight(), r.contribution())).toList(),
                    d.kind().name(), d.decidedBy() == null ? null : d.decidedBy().value(), d.reason(), d.decidedAt());
        }
    }

    @Schema(name = "Validation", description = "The decision in force (absent before the first) and all decisions, oldest first")
    public record ValidationResponse(@Schema(required = true, format = "uuid") String videoId, @Schema(required = true) String status,
                                     @Schema(nullable = true) DecisionResponse decision,
                                     @Schema(required = true) List<DecisionResponse> history) {
        static ValidationResponse from(ValidationView view) {
            return new ValidationResponse(view.video().toString(), view.status(),
                    view.current() == null ? null : DecisionResponse.from(view.current()),
                    view.history().stream().map(DecisionResponse::from).toList());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "validateVideo", summary = "Re-validate a video, or (admins) override its decision with a reason")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ValidateRequest.class)))
    @APIResponse(responseCode = "200", description = "The decision now in force, with its history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ValidationResponse.class)))
    @APIResponse(responseCode = "403", description = "Not an admin (override), or not the owner",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The video is not analysed yet",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ValidationResponse validate(ValidateRequest request) {
        if (request == null) {
            throw new InvalidRequestException("body", "a JSON body with a videoId is required");
        }
        RequestFields fields = new RequestFields();
        VideoId video = fields.read(() -> VideoId.parse(request.videoId()));
        Optional<AdminOverride> override = Optional.empty();
        if (request.decision() != null) {
            String decision = request.decision().strip().toUpperCase(Locale.ROOT);
            if (!decision.equals("VALIDATED") && !decision.equals("REJECTED")) {
                throw new InvalidRequestException("decision", "decision must be VALIDATED or REJECTED");
            }
            AdminOverride o = fields.read(() -> new AdminOverride(decision.equals("VALIDATED"), request.reason()));
            override = Optional.ofNullable(o);
        }
        fields.check();
        return ValidationResponse.from(validation.validate(new ValidateCommand(video, callers.current(), override)));
    }

    @GET
    @Path("/{videoId}")
    @Operation(operationId = "getValidation", summary = "A video's decision and its per-signal breakdown (its owner and admins)")
    @APIResponse(responseCode = "200", description = "The decision and its history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ValidationResponse.class)))
    public ValidationResponse get(@PathParam("videoId") String videoId) {
        return ValidationResponse.from(validation.decisions(VideoId.parse(videoId), callers.current()));
    }
}
