package org.milkmobs.application.port.out.validation;

import java.util.List;
import java.util.Optional;
import org.milkmobs.domain.validation.ValidationDecision;
import org.milkmobs.domain.video.VideoId;

/** Every validation decision of a video, oldest first; the last one is in force. */
public interface ValidationStore {

    void recordDecision(org.milkmobs.domain.video.VideoId video, ValidationDecision decision);

    List<ValidationDecision> decisions(VideoId video);

    default Optional<ValidationDecision> latestDecision(VideoId video) {
        List<ValidationDecision> all = decisions(video);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
}
