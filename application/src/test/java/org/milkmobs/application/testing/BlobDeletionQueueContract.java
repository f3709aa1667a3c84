package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.storage.BlobDeletionQueue;
import org.milkmobs.application.port.out.storage.BlobKey;

/**
 * Blobs waiting to be deleted: a key is one deletion however often it is scheduled, due deletions come earliest
 * first up to the limit, a failed delete waits for its retry and is never forgotten until done. Run on the twin and
 * on PostgreSQL; each test works on keys of its own and finishes them, so the tests share one queue.
 */
public abstract class BlobDeletionQueueContract extends ContractSuite {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    protected abstract BlobDeletionQueue queue();

    private final String prefix = "contract-" + UUID.randomUUID();
    private final List<BlobKey> used = new ArrayList<>();

    @AfterEach
    void finishEveryKey() {
        used.forEach(key -> run(() -> queue().done(key)));
    }

    @Test
    void dueDeletionsComeEarliestFirstUpToTheLimitAndNeverEarly() {
        BlobKey later = key("later");
        BlobKey earlier = key("earlier");
        BlobKey future = key("future");
        schedule(later, NOW.minusSeconds(10));
        schedule(earlier, NOW.minusSeconds(20));
        schedule(future, NOW.plusSeconds(60));

        assertThat(due(NOW, 1)).containsExactly(earlier);
        assertThat(due(NOW, 10)).containsExactly(earlier, later);
        assertThat(due(NOW.plusSeconds(60), 10)).containsExactly(earlier, later, future);
    }

    @Test
    void aKeyScheduledTwiceIsOneDeletionDueAtItsLatestScheduling() {
        long before = inTransaction(() -> queue().pending());
        BlobKey key = key("twice");
        schedule(key, NOW);
        schedule(key, NOW.plusSeconds(30));

        assertThat(inTransaction(() -> queue().pending()) - before).isEqualTo(1);
        assertThat(due(NOW, 10)).isEmpty();
        assertThat(due(NOW.plusSeconds(30), 10)).containsExactly(key);
    }

    @Test
    void aFailedDeleteWaitsForItsRetryAndAFinishedOneIsGone() {
        long before = inTransaction(() -> queue().pending());
        BlobKey failing = key("failing");
        BlobKey deleted = key("deleted");
        schedule(failing, NOW);
        schedule(deleted, NOW);

        run(() -> queue().retryLater(failing, "store unreachable", NOW.plusSeconds(300)));
        run(() -> queue().done(deleted));

        assertThat(due(NOW.plusSeconds(299), 10)).isEmpty();
        assertThat(due(NOW.plusSeconds(300), 10)).containsExactly(failing);
        assertThat(inTransaction(() -> queue().pending()) - before).isEqualTo(1);
        run(() -> queue().retryLater(key("never-scheduled"), "nothing to retry", NOW));
        assertThat(inTransaction(() -> queue().pending()) - before).as("a retry schedules nothing").isEqualTo(1);
    }

    private BlobKey key(String name) {
        BlobKey key = new BlobKey(prefix + "/" + name);
        used.add(key);
        return key;
    }

    private void schedule(BlobKey key, Instant at) {
        run(() -> queue().schedule(List.of(key), at));
    }

    /** The due keys of this test, in the order the queue gives them. */
    private List<BlobKey> due(Instant at, int limit) {
        return inTransaction(() -> queue().due(at, limit)).stream().filter(used::contains).toList();
    }

    private void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
