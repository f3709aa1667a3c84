package org.milkmobs.application.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.milkmobs.application.port.out.validation.ValidationStore;
import org.milkmobs.domain.validation.ValidationDecision;
import org.milkmobs.domain.video.VideoId;

/** Every video's validation decisions in memory, oldest first. */
public class InMemoryValidationStore implements ValidationStore {

    private final Map<VideoId, List<ValidationDecision>> decisions = new HashMap<>();

    @Override
    public synchronized void recordDecision(VideoId video, ValidationDecision decision) {
        decisions.computeIfAbsent(video, v -> new ArrayList<>()).add(decision);
    }

    @Override
    public synchronized List<ValidationDecision> decisions(VideoId video) {
        return List.copyOf(decisions.getOrDefault(video, List.of()));
    }
}
