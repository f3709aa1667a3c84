package org.milkmobs.application.service.steps;

import java.io.ByteArrayInputStream;
import org.milkmobs.application.port.in.pipeline.JobSignal;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.port.out.media.ThumbnailExtractor;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.application.port.out.storage.LocalCopy;
import org.milkmobs.application.service.pipeline.StepHandler;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.video.Video;

/** Picks a representative frame and stores it as the video's thumbnail (rewriting it on a re-run is harmless). */
public class ThumbnailStep implements StepHandler {

    private static final long MAX_THUMBNAIL_BYTES = 8L * 1024 * 1024;

    private final StepVideos videos;
    private final BlobStorage storage;
    private final ThumbnailExtractor extractor;

    public ThumbnailStep(StepVideos videos, BlobStorage storage, ThumbnailExtractor extractor) {
        this.videos = videos;
        this.storage = storage;
        this.extractor = extractor;
    }

    @Override
    public StepOutcome execute(PipelineJob job, JobSignal signal) {
        Video video = videos.get(job.lease().videoId());
        byte[] jpeg;
        try (LocalCopy copy = storage.localCopy(BlobKey.source(video.id()))) {
            jpeg = extractor.extractJpeg(copy.path(), videos.media(video).facts());
        }
        storage.write(BlobKey.thumbnail(video.id()), new ByteArrayInputStream(jpeg), MAX_THUMBNAIL_BYTES, "image/jpeg");
        return StepOutcome.completed(videos.update(video.id(), v -> v.attachThumbnail(videos.clock().instant())));
    }
}
