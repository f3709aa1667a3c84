package org.milkmobs.application.service.video;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.milkmobs.application.port.in.video.MaintenanceUseCase;
import org.milkmobs.application.port.in.video.UploadMissingException;
import org.milkmobs.application.port.out.IdempotencyKeys;
import org.milkmobs.application.port.out.ListVideosPort;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.application.port.out.pipeline.PipelineAdminPort;
import org.milkmobs.application.port.out.search.QueryEmbeddingCache;
import org.milkmobs.application.port.out.storage.BlobDeletionQueue;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.application.port.out.storage.BlobStorageException;
import org.milkmobs.domain.video.Failure;
import org.milkmobs.domain.video.FailureCode;
import org.milkmobs.domain.video.Video;

public class MaintenanceService implements MaintenanceUseCase {

    private static final Logger LOG = Logger.getLogger(MaintenanceService.class.getName());
    private static final int BATCH = 100;

    private final ListVideosPort videos;
    private final SaveVideoPort saveVideo;
    private final BlobStorage storage;
    private final BlobDeletionQueue deletions;
    private final CompleteUploadService completion;
    private final PipelineAdminPort pipeline;
    private final IdempotencyKeys idempotencyKeys;
    private final UploadSettings uploads;
    private final Duration historyRetention;
    private final QueryEmbeddingCache queryCache;
    private final Duration queryCacheRetention;
    private final Clock clock;

    public MaintenanceService(ListVideosPort videos, SaveVideoPort saveVideo, BlobStorage storage, BlobDeletionQueue deletions,
                              CompleteUploadService completion, PipelineAdminPort pipeline, IdempotencyKeys idempotencyKeys,
                              UploadSettings uploads, Duration historyRetention, QueryEmbeddingCache queryCache,
                              Duration queryCacheRetention, Clock clock) {
        this.videos = videos;
        this.saveVideo = saveVideo;
        this.storage = storage;
        this.deletions = deletions;
        this.completion = completion;
        this.pipeline = pipeline;
        this.idempotencyKeys = idempotencyKeys;
        this.uploads = uploads;
        this.historyRetention = historyRetention;
        this.queryCache = queryCache;
        this.queryCacheRetention = queryCacheRetention;
        this.clock = clock;
    }

    @Override
    public int reconcileUploads() {
        Instant now = clock.instant();
        int handled = 0;
        for (Video video : videos.findWaitingForUpload(now.minus(uploads.completeAfter()), BATCH)) {
            try {
                completion.handOver(video);
                handled++;
            } catch (UploadMissingException nothingYet) {
                if (video.createdAt().isBefore(now.minus(uploads.abandonAfter()))) {
                    video.fail(new Failure(FailureCode.INVALID_MEDIA, "no file was uploaded within "
                            + uploads.abandonAfter().toHours() + " hours of the submission"), now);
                    saveVideo.saveVideo(video);
                    handled++;
                }
            }
        }
        return handled;
    }

    /** After the upload URL's lifetime no write can still be running, so what an interrupted one left is abandoned. */
    @Override
    public int sweepAbandonedFiles() {
        return storage.sweepAbandoned(clock.instant().minus(uploads.uploadUrlTtl()));
    }

    @Override
    public int purgeBlobs() {
        Instant now = clock.instant();
        int deleted = 0;
        for (BlobKey key : deletions.due(now, BATCH)) {
            try {
                storage.delete(key);
                deletions.done(key);
                deleted++;
            } catch (BlobStorageException e) {
                LOG.log(Level.WARNING, "deleting " + key + " failed; it will be retried", e);
                deletions.retryLater(key, e.getMessage(), now.plus(Duration.ofMinutes(5)));
            }
        }
        return deleted;
    }

    @Override
    public int pruneHistory() {
        Instant now = clock.instant();
        return pipeline.prune(now.minus(historyRetention)) + idempotencyKeys.expire(now.minus(Duration.ofDays(1)))
                + queryCache.forgetOlderThan(now.minus(queryCacheRetention));
    }
}
