package org.milkmobs.adapters.rest.validation;

import static org.milkmobs.adapters.rest.constraint.DomainRule.OVERRIDE_REASON;
import static org.milkmobs.adapters.rest.constraint.DomainRule.VIDEO_ID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.milkmobs.adapters.rest.constraint.Conforms;
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
public class ValidationResource {

    @Inject
    ValidateVideoUseCase validation;

    @Inject
    CallerResolver callers;

    /** Run the validation again, or (with a decision and its reason) override it. */
    public record ValidateRequest(
            @NotNull @Conforms(VIDEO_ID) String videoId,
            @Pattern(regexp = "(?i)\\s*(VALIDATED|REJECTED)\\s*", message = "must be VALIDATED or REJECTED") String decision,
            @Conforms(OVERRIDE_REASON) String reason) {
    }

    public record SignalResponse(String signal, Double score,
                                 double weight, double effectiveWeight,
                                 double contribution) {
    }

    public record DecisionResponse(String outcome, boolean accepted, double score,
                                   double threshold, List<SignalResponse> breakdown,
                                   String kind,
                                   String decidedBy, String reason,
                                   Instant decidedAt) {
        static DecisionResponse from(ValidationDecision d) {
            return new DecisionResponse(d.outcome().name(), d.accepted(), d.score(), d.threshold(), d.breakdown().stream()
                    .map(r -> new SignalResponse(r.signal().name(), r.score(), r.weight(), r.effectiveWeight(), r.contribution())).toList(),
                    d.kind().name(), d.decidedBy() == null ? null : d.decidedBy().value(), d.reason(), d.decidedAt());
        }
    }

    public record ValidationResponse(String videoId, String status,
                                     DecisionResponse decision,
                                     List<DecisionResponse> history) {
        static ValidationResponse from(ValidationView view) {
            return new ValidationResponse(view.video().toString(), view.status(),
                    view.current() == null ? null : DecisionResponse.from(view.current()),
                    view.history().stream().map(DecisionResponse::from).toList());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public ValidationResponse validate(@Valid @NotNull ValidateRequest request) {
        Optional<AdminOverride> override = Optional.ofNullable(request.decision())
                .map(decision -> new AdminOverride(decision.strip().equalsIgnoreCase("VALIDATED"), request.reason()));
        return ValidationResponse.from(validation.validate(new ValidateCommand(VideoId.parse(request.videoId()), callers.current(), override)));
    }

    @GET
    @Path("/{videoId}")
    public ValidationResponse get(@PathParam("videoId") String videoId) {
        return ValidationResponse.from(validation.decisions(VideoId.parse(videoId), callers.current()));
    }
}
