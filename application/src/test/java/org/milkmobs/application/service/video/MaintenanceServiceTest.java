package org.milkmobs.application.service.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.video.MaintenanceUseCase;
import org.milkmobs.application.port.out.search.QueryEmbeddingCache.CachedQuery;
import org.milkmobs.application.port.out.search.QueryEmbeddingCache.QueryKind;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.service.pipeline.RetryPolicy;
import org.milkmobs.application.testing.InMemoryBlobDeletionQueue;
import org.milkmobs.application.testing.InMemoryBlobStorage;
import org.milkmobs.application.testing.InMemoryIdempotencyKeys;
import org.milkmobs.application.testing.InMemoryMobs;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.application.testing.InMemoryQueryEmbeddingCache;
import org.milkmobs.application.testing.InMemoryVideoListing;
import org.milkmobs.application.testing.InMemoryVideoStore;
import org.milkmobs.application.testing.InMemoryWorkflows;
import org.milkmobs.application.testing.TestDetails;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.Description;
import org.milkmobs.domain.video.FailureCode;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.Title;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/** Housekeeping: uploads nobody completed, submissions nobody uploaded, due file deletions, and old history. */
class MaintenanceServiceTest {

    private static final UploadSettings UPLOADS = new UploadSettings(Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(20),
            Duration.ofHours(24));

    private final TestClock clock = TestClock.at("2026-12-04T08:00:00Z");
    private final InMemoryVideoStore videos = new InMemoryVideoStore();
    private final InMemoryWorkflows workflows = new InMemoryWorkflows();
    private final InMemoryBlobStorage storage = new InMemoryBlobStorage();
    private final InMemoryBlobDeletionQueue deletions = new InMemoryBlobDeletionQueue();
    private final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();
    private final InMemoryQueryEmbeddingCache queryCache = new InMemoryQueryEmbeddingCache();
    private final RetryPolicy retry = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(5));
    private final MaintenanceUseCase maintenance = new MaintenanceService(
            new InMemoryVideoListing(videos, new InMemoryMobs(), new MobSpace("space")).withWorkflows(workflows), videos, storage, deletions,
            new CompleteUploadService(videos, storage, workflows, retry, TestDetails.over(storage, workflows), clock), workflows, keys, UPLOADS, Duration.ofDays(7), queryCache,
            Duration.ofDays(30), clock);

    @Test
    void anUploadWhoseClientNeverCalledCompleteIsHandedToThePipelineOnce() {
        Video uploaded = submitted();
        storage.put(BlobKey.staging(uploaded.id()), new byte[] {1});
        clock.advance(Duration.ofMinutes(21));
        Video recent = submitted();
        storage.put(BlobKey.staging(recent.id()), new byte[] {1});

        assertThat(maintenance.reconcileUploads()).as("only the one older than completeAfter").isEqualTo(1);

        assertThat(workflows.progress(uploaded.id())).isPresent();
        assertThat(workflows.progress(recent.id())).as("its client may still call complete").isEmpty();
        assertThat(storage.contains(BlobKey.source(uploaded.id()))).isTrue();
        assertThat(maintenance.reconcileUploads()).as("the next run finds it started").isZero();
    }

    @Test
    void aSubmissionWithoutAFileIsLeftAloneUntilItIsAbandonedAndThenFails() {
        Video waiting = submitted();
        clock.advance(Duration.ofHours(1));

        assertThat(maintenance.reconcileUploads()).isZero();
        assertThat(videos.loadVideo(waiting.id()).orElseThrow().status()).isEqualTo(VideoStatus.SUBMITTED);

        clock.advance(Duration.ofHours(24));

        assertThat(maintenance.reconcileUploads()).isEqualTo(1);
        Video failed = videos.loadVideo(waiting.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(failed.failure()).hasValueSatisfying(f -> {
            assertThat(f.code()).isEqualTo(FailureCode.INVALID_MEDIA);
            assertThat(f.detail()).contains("24 hours");
        });
        assertThat(workflows.lock(waiting.id())).isEmpty();
    }

    @Test
    void dueDeletionsAreDoneAndAFailedOneIsKeptForARetryLater() {
        VideoId video = VideoId.generate();
        BlobKey source = BlobKey.source(video);
        BlobKey thumbnail = BlobKey.thumbnail(video);
        storage.put(source, new byte[] {1});
        storage.put(thumbnail, new byte[] {2});
        deletions.schedule(List.of(source, thumbnail), clock.instant());
        storage.failDeletesOf(thumbnail);

        assertThat(maintenance.purgeBlobs()).isEqualTo(1);

        assertThat(storage.contains(source)).isFalse();
        assertThat(deletions.keys()).containsExactly(thumbnail);
        assertThat(deletions.lastError(thumbnail)).hasValueSatisfying(e -> assertThat(e).contains("simulated failure"));
        storage.healDeletes();
        assertThat(maintenance.purgeBlobs()).as("not due again yet").isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(maintenance.purgeBlobs()).isEqualTo(1);
        assertThat(deletions.pending()).isZero();
        assertThat(storage.contains(thumbnail)).isFalse();
    }

    @Test
    void expiredIdempotencyKeysAndOldCachedQueriesArePruned() {
        EmbeddingModel model = new EmbeddingModel("test-model", 2);
        keys.claim(new UserId("alice"), "old", "f", VideoId.generate(), clock.instant());
        queryCache.store(model, QueryKind.TEXT, "old", CachedQuery.ready(new float[] {1, 0}, clock.instant()));
        clock.advance(Duration.ofDays(2));
        queryCache.store(model, QueryKind.TEXT, "new", CachedQuery.ready(new float[] {0, 1}, clock.instant()));
        clock.advance(Duration.ofDays(29));
        keys.claim(new UserId("alice"), "new", "f", VideoId.generate(), clock.instant());

        assertThat(maintenance.pruneHistory()).as("keys live a day, cached queries 30 days").isEqualTo(2);

        assertThat(keys.size()).isEqualTo(1);
        assertThat(queryCache.find(model, QueryKind.TEXT, "old")).isEmpty();
        assertThat(queryCache.find(model, QueryKind.TEXT, "new")).isPresent();
        assertThat(maintenance.sweepAbandonedFiles()).as("memory leaves no partial files").isZero();
        assertThat(Optional.of(maintenance.pruneHistory())).contains(0);
    }

    private Video submitted() {
        return videos.saveVideo(Video.submit(VideoId.generate(), new UserId("alice"), new Title("pour"), Description.EMPTY, Hashtags.NONE,
                clock.instant()));
    }

}
