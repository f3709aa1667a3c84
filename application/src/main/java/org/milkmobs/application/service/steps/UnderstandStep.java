package org.milkmobs.application.service.steps;

import java.util.Optional;
import org.milkmobs.application.port.in.pipeline.JobSignal;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.port.out.analysis.AnalysisStore;
import org.milkmobs.application.port.out.analysis.VideoUnderstanding;
import org.milkmobs.application.service.campaign.CampaignProvider;
import org.milkmobs.application.service.pipeline.StepHandler;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.video.Video;

/** Has the understanding analyzer (Pegasus or the local one) read the video; a duplicate reuses its original's analysis. */
public class UnderstandStep implements StepHandler {

    private final StepVideos videos;
    private final VideoUnderstanding understanding;
    private final AnalysisStore analyses;
    private final CampaignProvider campaign;

    public UnderstandStep(StepVideos videos, VideoUnderstanding understanding, AnalysisStore analyses, CampaignProvider campaign) {
        this.videos = videos;
        this.understanding = understanding;
        this.analyses = analyses;
        this.campaign = campaign;
    }

    @Override
    public StepOutcome execute(PipelineJob job, JobSignal signal) {
        Video video = videos.get(job.lease().videoId());
        Optional<Analysis> reused = video.duplicateOf().flatMap(analyses::findAnalysis)
                .map(original -> original.forVideo(video.id(), videos.clock().instant()));
        if (reused.isPresent()) {
            return StepOutcome.completed(() -> analyses.saveAnalysis(reused.get()));
        }
        return AnalyzerCall.outcomeOf(videos, job, () -> {
            Analysis analysis = understanding.understand(videos.media(video), campaign.current().campaign(), videos.clock().instant());
            return StepOutcome.completed(videos.resuming(video.id(), () -> analyses.saveAnalysis(analysis)));
        });
    }
}
