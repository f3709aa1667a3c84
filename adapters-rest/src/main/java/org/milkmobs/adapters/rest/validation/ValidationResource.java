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
import org.milkmobs.adapters.rest.problem.InvalidRequestException;
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
public class ValidationResource {

    @Inject
    ValidateVideoUseCase validation;

    @Inject
    CallerResolver callers;

    public record ValidateRequest(String videoId,
                                  String decision,
                                  String reason) {
    }

    public record SignalResponse(String signal, Double score,
                                 double weight, double effectiveWeight,
                                 double contribution) {
    }

    public record DecisionResponse(boolean accepted, double score,
                                   double threshold, List<SignalResponse> breakdown,
                                   String kind,
                                   String decidedBy, String reason,
                                   Instant decidedAt) {
        static DecisionResponse from(ValidationDecision d) {
            return new DecisionResponse(d.accepted(), d.score(), d.threshold(), d.breakdown().stream()
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
    public ValidationResponse get(@PathParam("videoId") String videoId) {
        return ValidationResponse.from(validation.decisions(VideoId.parse(videoId), callers.current()));
    }
}
