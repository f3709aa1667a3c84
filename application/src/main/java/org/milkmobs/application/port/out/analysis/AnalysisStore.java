package org.milkmobs.application.port.out.analysis;

import java.util.Optional;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.video.VideoId;

/** Analyses by video; saving again replaces (a re-analysis, or a retried step). */
public interface AnalysisStore {

    void saveAnalysis(Analysis analysis);

    Optional<Analysis> findAnalysis(VideoId video);
}
