package org.milkmobs.application.service.steps;

import org.milkmobs.application.port.in.pipeline.JobSignal;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.port.out.analysis.AnalysisStore;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.application.service.duplicate.NearDuplicateDetection;
import org.milkmobs.application.service.pipeline.StepHandler;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.video.Failure;
import org.milkmobs.domain.video.FailureCode;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/**
 * The join after the parallel branches: checks their results are stored, marks the video analysed and records its
 * near-duplicates (they need the stored clip vectors, and are known before validation and clustering).
 */
public class WriteResultsStep implements StepHandler {

    private final StepVideos videos;
    private final AnalysisStore analyses;
    private final EmbeddingStore embeddings;
    private final EmbeddingModel model;
    private final NearDuplicateDetection nearDuplicates;

    public WriteResultsStep(StepVideos videos, AnalysisStore analyses, EmbeddingStore embeddings, EmbeddingModel model,
                            NearDuplicateDetection nearDuplicates) {
        this.videos = videos;
        this.analyses = analyses;
        this.embeddings = embeddings;
        this.model = model;
        this.nearDuplicates = nearDuplicates;
    }

    @Override
    public StepOutcome execute(PipelineJob job, JobSignal signal) {
        VideoId id = job.lease().videoId();
        if (analyses.findAnalysis(id).isEmpty() || embeddings.findEmbeddings(id, model).isEmpty()) {
            return StepOutcome.permanent(new Failure(FailureCode.PIPELINE_FAILED,
                    "the analysis branches finished but their results are missing"));
        }
        return StepOutcome.completed(videos.update(id, video -> {
            if (video.status() == VideoStatus.PROCESSING) {
                video.markAnalyzed(videos.clock().instant());
            }
            nearDuplicates.detect(video, videos.clock().instant());
        }));
    }
}
