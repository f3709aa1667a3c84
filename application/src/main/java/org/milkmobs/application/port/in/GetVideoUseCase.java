package org.milkmobs.application.port.in;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.pipeline.WorkflowProgress;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.validation.ValidationDecision;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/** Reads one video, as far as the caller may see it. */
public interface GetVideoUseCase {

    /** @throws VideoNotFoundException when there is no such video, or the caller may not see it */
    VideoDetails get(GetVideoQuery query);

    record GetVideoQuery(VideoId videoId, Caller caller) {
        public GetVideoQuery {
            Objects.requireNonNull(videoId, "videoId");
            Objects.requireNonNull(caller, "caller");
        }
    }

    /**
     * A video with what belongs to it. URLs are short-lived grants; the analysis, decision and mob are
     * present once the pipeline produced them. Progress and the validation breakdown are shown to the
     * owner and admins only. {@code nearDuplicateOf} is the earliest video this one is a near-duplicate of (ADR 0026).
     */
    record VideoDetails(Video video, Optional<URI> thumbnailUrl, Optional<URI> playbackUrl, Optional<WorkflowProgress> progress,
                        Optional<Analysis> analysis, Optional<ValidationDecision> validation, Optional<MobId> mob,
                        Optional<VideoId> nearDuplicateOf) {
    }
}
