package org.milkmobs.adapters.persistence.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.persistence.testing.JpaTestSupport;
import org.milkmobs.adapters.persistence.testing.PersistenceTest;
import org.milkmobs.application.port.out.IdempotencyKeys;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.VideoId;

class HousekeepingAdaptersTest extends PersistenceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void concurrentClaimsOfOneIdempotencyKeyHaveOneWinner() throws Exception {
        UserId owner = new UserId("alice");
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<IdempotencyKeys.Claim>> claims = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            EntityManager own = jpa.newEntityManager();
            IdempotencyKeysAdapter keys = new IdempotencyKeysAdapter(own);
            VideoId candidate = VideoId.generate();
            claims.add(pool.submit(() -> {
                start.await();
                IdempotencyKeys.Claim claim = JpaTestSupport.inTransaction(own, ignored ->
                        keys.claim(owner, "retry-me", "f".repeat(64), candidate, NOW));
                own.close();
                return claim;
            }));
        }
        List<IdempotencyKeys.Claim> results = new ArrayList<>();
        for (Future<IdempotencyKeys.Claim> f : claims) {
            results.add(f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(results).filteredOn(IdempotencyKeys.Claim::firstUse).hasSize(1);
        assertThat(results).extracting(IdempotencyKeys.Claim::video).containsOnly(results.get(0).video());
        assertThat(results).allMatch(IdempotencyKeys.Claim::sameRequest);
    }

    @Test
    void aKeyReusedWithAnotherRequestIsFlaggedKeysArePerUserAndExpire() {
        IdempotencyKeysAdapter keys = new IdempotencyKeysAdapter(em);
        VideoId first = VideoId.generate();
        tx(() -> keys.claim(new UserId("alice"), "k1", "a".repeat(64), first, NOW));

        IdempotencyKeys.Claim different = tx(() -> keys.claim(new UserId("alice"), "k1", "b".repeat(64), VideoId.generate(), NOW));
        IdempotencyKeys.Claim otherUser = tx(() -> keys.claim(new UserId("bob"), "k1", "b".repeat(64), VideoId.generate(), NOW));

        assertThat(different.sameRequest()).isFalse();
        assertThat(different.video()).isEqualTo(first);
        assertThat(otherUser.firstUse()).isTrue();
        assertThat(tx(() -> keys.expire(NOW.plusSeconds(1)))).isEqualTo(2);
    }

    @Test
    void blobDeletionsAreDueRetriedAndDone() {
        BlobDeletionQueueAdapter queue = new BlobDeletionQueueAdapter(em);
        VideoId video = VideoId.generate();
        txRun(() -> queue.schedule(BlobKey.allOf(video), NOW));
        txRun(() -> queue.schedule(List.of(BlobKey.source(video)), NOW));

        List<BlobKey> due = tx(() -> queue.due(NOW, 10));
        assertThat(due).containsExactlyInAnyOrderElementsOf(BlobKey.allOf(video));
        txRun(() -> queue.done(BlobKey.staging(video)));
        txRun(() -> queue.retryLater(BlobKey.source(video), "store down", NOW.plus(Duration.ofMinutes(5))));

        assertThat(tx(() -> queue.due(NOW.plusSeconds(60), 10))).containsExactly(BlobKey.thumbnail(video));
        assertThat(tx(() -> queue.due(NOW.plus(Duration.ofMinutes(6)), 10))).contains(BlobKey.source(video));
        assertThat(tx(queue::pending)).isEqualTo(2);
    }
}
