package org.milkmobs.application.port.in.validation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.validation.ValidationDecision;
import org.milkmobs.domain.video.VideoId;

/** Decisions on whether a video takes part: re-run them, override them (admins), read them with their history. */
public interface ValidateVideoUseCase {

    /**
     * Re-validates an analysed video against the campaign in force, or, with {@code override}, records an
     * admin's decision with its reason.
     *
     * @throws org.milkmobs.application.port.in.VideoNotFoundException when the caller may not see the video
     * @throws org.milkmobs.application.port.in.ForbiddenException when a non-admin overrides, or a consumer re-validates another's video
     * @throws NotAnalysedException when the video has no analysis yet
     */
    ValidationView validate(ValidateCommand command);

    ValidationView decisions(VideoId video, Caller caller);

    record ValidateCommand(VideoId video, Caller caller, Optional<AdminOverride> override) {
        public ValidateCommand {
            Objects.requireNonNull(video, "video");
            Objects.requireNonNull(caller, "caller");
            override = override == null ? Optional.empty() : override;
        }
    }

    record AdminOverride(boolean accepted, String reason) {
        public AdminOverride {
            reason = org.milkmobs.domain.Require.text("reason", reason, 1, 1000, true);
        }
    }

    /** The decision in force and every decision before it, oldest first. */
    record ValidationView(VideoId video, String status, ValidationDecision current, List<ValidationDecision> history) {
        public ValidationView {
            history = List.copyOf(history);
        }
    }

    final class NotAnalysedException extends org.milkmobs.application.port.in.ConflictException {
        public NotAnalysedException(VideoId video, String status) {
            super("video " + video + " is " + status + "; it can be validated once its analysis is done");
        }
    }
}
