package org.milkmobs.application.service.validation;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.milkmobs.application.port.in.ForbiddenException;
import org.milkmobs.application.port.in.VideoNotFoundException;
import org.milkmobs.application.port.in.validation.ValidateVideoUseCase;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.application.port.out.validation.ValidationStore;
import org.milkmobs.application.service.mob.MobAssignment;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.validation.ValidationDecision;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/**
 * Re-validation and admin overrides. A decision that changes the outcome moves the video between
 * VALIDATED, REJECTED and IN_REVIEW and in or out of its mob, in the same transaction.
 */
public class ValidateVideoService implements ValidateVideoUseCase {

    private static final Set<VideoStatus> DECIDABLE = EnumSet.of(VideoStatus.ANALYZED, VideoStatus.IN_REVIEW, VideoStatus.VALIDATED,
            VideoStatus.REJECTED);

    private final LoadVideoPort loadVideo;
    private final SaveVideoPort saveVideo;
    private final ValidationService validation;
    private final ValidationStore decisions;
    private final DecisionApplication application;
    private final MobAssignment mobs;
    private final Clock clock;

    public ValidateVideoService(LoadVideoPort loadVideo, SaveVideoPort saveVideo, ValidationService validation, ValidationStore decisions,
                                MobAssignment mobs, Clock clock) {
        this.loadVideo = loadVideo;
        this.saveVideo = saveVideo;
        this.validation = validation;
        this.decisions = decisions;
        this.application = new DecisionApplication(decisions);
        this.mobs = mobs;
        this.clock = clock;
    }

    @Override
    public ValidationView validate(ValidateCommand command) {
        Video video = visible(command.video(), command.caller());
        if (command.override().isPresent() && !command.caller().admin()) {
            throw new ForbiddenException("only admins override a validation decision");
        }
        if (!video.manageableBy(command.caller())) {
            throw new ForbiddenException("only the video's owner or an admin may re-validate it");
        }
        if (!DECIDABLE.contains(video.status())) {
            throw new NotAnalysedException(video.id(), video.status().name());
        }
        Instant now = clock.instant();
        ValidationDecision computed = validation.evaluate(video, now);
        ValidationDecision decision = command.override()
                .map(o -> computed.overriddenBy(command.caller().userId(), o.accepted(), o.reason(), now))
                .orElse(computed);
        if (application.apply(video, decision, now)) {
            video = saveVideo.saveVideo(video);
        }
        if (decision.accepted()) {
            mobs.assign(video.id(), now);
        } else {
            mobs.remove(video.id(), decision.kind() == ValidationDecision.Kind.OVERRIDE ? "override"
                    : decision.outcome() == ValidationDecision.Outcome.REVIEW ? "in review" : "rejected", now);
        }
        return view(video);
    }

    @Override
    public ValidationView decisions(VideoId id, Caller caller) {
        Video video = visible(id, caller);
        if (!video.manageableBy(caller)) {
            throw new ForbiddenException("only the video's owner or an admin may read its validation");
        }
        return view(video);
    }

    private ValidationView view(Video video) {
        List<ValidationDecision> history = decisions.decisions(video.id());
        return new ValidationView(video.id(), video.status().name(), history.isEmpty() ? null : history.get(history.size() - 1), history);
    }

    private Video visible(VideoId id, Caller caller) {
        return loadVideo.loadVideo(id).filter(v -> v.isVisibleTo(caller)).orElseThrow(() -> new VideoNotFoundException(id));
    }
}
