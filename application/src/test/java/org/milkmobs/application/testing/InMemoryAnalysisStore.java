package org.milkmobs.application.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.milkmobs.application.port.out.analysis.AnalysisStore;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.video.VideoId;

public class InMemoryAnalysisStore implements AnalysisStore {

    private final Map<VideoId, Analysis> analyses = new ConcurrentHashMap<>();

    @Override
    public void saveAnalysis(Analysis analysis) {
        analyses.put(analysis.videoId(), analysis);
    }

    @Override
    public Optional<Analysis> findAnalysis(VideoId video) {
        return Optional.ofNullable(analyses.get(video));
    }
}
