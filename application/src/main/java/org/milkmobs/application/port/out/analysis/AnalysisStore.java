package org.milkmobs.application.port.out.analysis;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.video.VideoId;

/** Analyses by video; saving again replaces (a re-analysis, or a retried step). */
public interface AnalysisStore {

    void saveAnalysis(Analysis analysis);

    Optional<Analysis> findAnalysis(VideoId video);

    /** The analyses of these videos that exist, in one read (a page of a listing asks for all of its items at once). */
    default Map<VideoId, Analysis> findAnalyses(Collection<VideoId> videos) {
        Map<VideoId, Analysis> found = new HashMap<>();
        videos.forEach(video -> findAnalysis(video).ifPresent(analysis -> found.put(video, analysis)));
        return found;
    }
}
