package org.milkmobs.application.service.steps;

import java.util.Optional;
import org.milkmobs.application.port.in.pipeline.JobSignal;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.port.out.ListVideosPort;
import org.milkmobs.application.port.out.media.MediaProber;
import org.milkmobs.application.port.out.media.MediaRejectedException;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.application.port.out.storage.LocalCopy;
import org.milkmobs.application.service.pipeline.StepHandler;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.video.Failure;
import org.milkmobs.domain.video.FailureCode;
import org.milkmobs.domain.video.MediaFacts;
import org.milkmobs.domain.video.VideoId;

/**
 * Checks the upload (content, integrity, limits), records its media facts and hash, and spots a
 * duplicate of an earlier upload whose analysis can be reused. A file that is not a usable video fails
 * the video with the reason (its files are then removed).
 */
public class PreflightStep implements StepHandler {

    private final StepVideos videos;
    private final BlobStorage storage;
    private final MediaProber prober;
    private final ListVideosPort listing;

    public PreflightStep(StepVideos videos, BlobStorage storage, MediaProber prober, ListVideosPort listing) {
        this.videos = videos;
        this.storage = storage;
        this.prober = prober;
        this.listing = listing;
    }

    @Override
    public StepOutcome execute(PipelineJob job, JobSignal signal) {
        VideoId id = job.lease().videoId();
        BlobKey source = BlobKey.source(id);
        if (storage.size(source).isEmpty()) {
            return StepOutcome.permanent(new Failure(FailureCode.INVALID_MEDIA, "the uploaded file is missing"));
        }
        MediaFacts facts;
        try (LocalCopy copy = storage.localCopy(source)) {
            facts = prober.probe(copy.path());
        } catch (MediaRejectedException rejected) {
            return StepOutcome.permanent(rejected.failure());
        }
        Optional<VideoId> duplicateOf = listing.findAnalysedByContent(facts.contentHash(), id);
        return StepOutcome.completed(videos.update(id, video -> {
            video.markUploaded(facts, videos.clock().instant());
            duplicateOf.ifPresent(video::markDuplicateOf);
            video.startProcessing(videos.clock().instant());
        }));
    }

}
