package org.milkmobs.application.port.out.validation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The decision in force for each of these videos that has one, in one read. */
    default Map<VideoId, ValidationDecision> latestDecisions(Collection<VideoId> videos) {
        Map<VideoId, ValidationDecision> found = new HashMap<>();
        videos.forEach(video -> latestDecision(video).ifPresent(decision -> found.put(video, decision)));
        return found;
    }
}
