package org.milkmobs.application.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.milkmobs.application.port.out.validation.ValidationStore;
import org.milkmobs.domain.validation.ValidationDecision;
import org.milkmobs.domain.video.VideoId;

/** The validation store's in-memory twin: each video's decisions in the order they were made. */
public class InMemoryValidationStore implements ValidationStore {

    private final Map<VideoId, List<ValidationDecision>> decisions = new ConcurrentHashMap<>();

    @Override
    public void recordDecision(VideoId video, ValidationDecision decision) {
        decisions.computeIfAbsent(video, v -> new ArrayList<>()).add(decision);
    }

    @Override
    public List<ValidationDecision> decisions(VideoId video) {
        return List.copyOf(decisions.getOrDefault(video, List.of()));
    }
}
