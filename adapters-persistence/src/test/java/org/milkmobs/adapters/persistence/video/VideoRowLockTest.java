package org.milkmobs.adapters.persistence.video;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.persistence.testing.JpaTestSupport;
import org.milkmobs.adapters.persistence.testing.PersistenceTest;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoStatus;

/** Two pipeline branches changing a video's status at once: the second waits for the first and sees its result. */
class VideoRowLockTest extends PersistenceTest {

    @Test
    void aLockedLoadWaitsForTheHolderAndSeesItsCommittedChange() throws Exception {
        Video video = TestVideos.submitted("owner");
        video.markUploaded(TestVideos.mediaFacts(), TestVideos.NOW);
        video.startProcessing(TestVideos.NOW);
        txRun(() -> VideoStorageForTests.adapter(em).saveVideo(video));
        EntityManager first = jpa.newEntityManager();
        EntityManager second = jpa.newEntityManager();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> JpaTestSupport.inTransaction(first, em -> {
                var store = VideoStorageForTests.adapter(em);
                Video held = store.loadVideoForUpdate(video.id()).orElseThrow();
                held.defer(TestVideos.NOW);
                store.saveVideo(held);
                locked.countDown();
                await(release);
                return null;
            }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<VideoStatus> waiter = CompletableFuture.supplyAsync(() -> JpaTestSupport.inTransaction(second,
                    em -> VideoStorageForTests.adapter(em).loadVideoForUpdate(video.id()).orElseThrow().status()));

            Thread.sleep(300);
            assertThat(waiter).as("blocked on the row lock").isNotDone();
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            assertThat(waiter.get(30, TimeUnit.SECONDS)).isEqualTo(VideoStatus.DEFERRED);
        } finally {
            release.countDown();
            first.close();
            second.close();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
