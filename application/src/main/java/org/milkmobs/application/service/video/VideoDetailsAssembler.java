package org.milkmobs.application.service.video;

import org.milkmobs.application.port.in.GetVideoUseCase.VideoDetails;
import org.milkmobs.application.port.out.analysis.AnalysisStore;
import org.milkmobs.application.port.out.mob.MobStore;
import org.milkmobs.application.port.out.pipeline.PipelineAdminPort;
import org.milkmobs.application.port.out.validation.ValidationStore;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.video.Video;

/**
 * Puts together what the API shows of a video: playback and thumbnail URLs, the analysis, the mob, and
 * for its owner and admins the pipeline's progress and the validation breakdown.
 */
public class VideoDetailsAssembler {

    private final VideoUrls urls;
    private final PipelineAdminPort pipeline;
    private final AnalysisStore analyses;
    private final ValidationStore validations;
    private final MobStore mobs;

    public VideoDetailsAssembler(VideoUrls urls, PipelineAdminPort pipeline, AnalysisStore analyses, ValidationStore validations,
                                 MobStore mobs) {
        this.urls = urls;
        this.pipeline = pipeline;
        this.analyses = analyses;
        this.validations = validations;
        this.mobs = mobs;
    }

    public VideoDetails of(Video video, Caller caller) {
        boolean inspector = caller.admin() || caller.is(video.owner());
        return new VideoDetails(video, urls.thumbnail(video), urls.playback(video),
                inspector ? pipeline.progress(video.id()) : java.util.Optional.empty(),
                analyses.findAnalysis(video.id()),
                inspector ? validations.latestDecision(video.id()) : java.util.Optional.empty(),
                mobs.mobOf(video.id()));
    }
}
