package org.milkmobs.application.service.video;

import java.time.Clock;
import java.util.Optional;
import org.milkmobs.application.port.in.GetVideoUseCase.VideoDetails;
import org.milkmobs.application.port.in.VideoNotFoundException;
import org.milkmobs.application.port.in.video.CompleteUploadUseCase;
import org.milkmobs.application.port.in.video.UploadMissingException;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.application.service.pipeline.RetryPolicy;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoStatus;

/**
 * Hands a finished upload to the pipeline. The file moves from the upload key (which the client's grant
 * can write) to the video's own key (which nobody can), so the bytes the pipeline checks are the bytes it
 * keeps; then the workflow starts with preflight.
 */
public class CompleteUploadService implements CompleteUploadUseCase {

    private final LoadVideoPort loadVideo;
    private final BlobStorage storage;
    private final WorkflowPort workflows;
    private final RetryPolicy retry;
    private final VideoDetailsAssembler details;
    private final Clock clock;

    public CompleteUploadService(LoadVideoPort loadVideo, BlobStorage storage, WorkflowPort workflows, RetryPolicy retry,
                                 VideoDetailsAssembler details, Clock clock) {
        this.loadVideo = loadVideo;
        this.details = details;
        this.storage = storage;
        this.workflows = workflows;
        this.retry = retry;
        this.clock = clock;
    }

    @Override
    public VideoDetails complete(CompleteUploadCommand command) {
        Video video = loadVideo.loadVideo(command.videoId())
                .filter(v -> v.manageableBy(command.caller()))
                .orElseThrow(() -> new VideoNotFoundException(command.videoId()));
        Video handedOver = handOver(video).orElseThrow(() -> new VideoNotFoundException(command.videoId()));
        return details.of(handedOver, command.caller());
    }

    /**
     * Moves the upload into place and starts the workflow, once: the video's row is held while deciding, so
     * concurrent completes (and the reconciler) wait for each other, and the later ones see the workflow the
     * first started instead of starting it again.
     *
     * @return the video as it is now, held (empty when it was deleted meanwhile)
     */
    Optional<Video> handOver(Video video) {
        Optional<Video> held = loadVideo.loadVideoForUpdate(video.id());
        if (held.isEmpty() || held.get().status() != VideoStatus.SUBMITTED || workflows.lock(video.id()).isPresent()) {
            return held;
        }
        BlobKey staging = BlobKey.staging(video.id());
        BlobKey source = BlobKey.source(video.id());
        if (storage.size(staging).isPresent()) {
            storage.move(staging, source);
        } else if (storage.size(source).isEmpty()) {
            throw new UploadMissingException(video.id());
        }
        workflows.start(video.id(), retry.maxAttempts(), clock.instant());
        return held;
    }
}
