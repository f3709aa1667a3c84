package org.milkmobs.application.port.in.validation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.Require;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.video.VideoId;

/**
 * The review queue: videos whose analysis could not establish participation wait IN_REVIEW (listed by
 * {@code GET /api/admin/videos?status=IN_REVIEW}) until an admin approves or rejects them, many at once.
 */
public interface ReviewVideosUseCase {

    int MAX_VIDEOS = 100;

    /**
     * Decides each video as an admin override with the given reason; an approved video becomes a campaign
     * reference when asked, so videos that look like it are accepted on their own from then on. Each video is
     * decided in a transaction of its own: one that is not waiting for review, or is gone, is reported and the
     * others are still decided.
     *
     * @throws org.milkmobs.application.port.in.ForbiddenException when the caller is not an admin
     */
    List<ReviewResult> review(ReviewCommand command);

    record ReviewCommand(Caller admin, List<VideoId> videos, boolean approve, Optional<String> reason, boolean asReferences) {
        public ReviewCommand {
            Objects.requireNonNull(admin, "admin");
            if (videos == null || videos.isEmpty() || videos.size() > MAX_VIDEOS) {
                throw new InvalidValueException("videoIds", "name between 1 and " + MAX_VIDEOS + " videos");
            }
            videos = List.copyOf(new LinkedHashSet<>(videos));
            reason = reason == null ? Optional.empty() : reason.map(r -> Require.text("reason", r, 1, 1000, true));
            if (asReferences && !approve) {
                throw new InvalidValueException("asReferences", "only approved videos become campaign references");
            }
        }

        /** The reason recorded with each decision: the admin's, or what the review did. */
        public String recordedReason() {
            return reason.orElse(approve ? "approved in review" : "rejected in review");
        }
    }

    /** A video's status after the review, or why it was not decided. */
    record ReviewResult(VideoId video, Optional<String> status, Optional<String> problem) {
        public static ReviewResult decided(VideoId video, String status) {
            return new ReviewResult(video, Optional.of(status), Optional.empty());
        }

        public static ReviewResult notDecided(VideoId video, String problem) {
            return new ReviewResult(video, Optional.empty(), Optional.of(problem));
        }
    }
}
