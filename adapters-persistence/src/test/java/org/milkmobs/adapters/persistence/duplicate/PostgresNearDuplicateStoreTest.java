package org.milkmobs.adapters.persistence.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.adapters.persistence.video.VideoStorageForTests;
import org.milkmobs.application.port.out.duplicate.NearDuplicateStore;
import org.milkmobs.application.testing.NearDuplicateStoreContract;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.video.NearDuplicatePair;
import org.milkmobs.domain.video.VideoId;

/** The near-duplicate store contract on PostgreSQL, and what only the database does: forgetting deleted videos. */
class PostgresNearDuplicateStoreTest extends NearDuplicateStoreContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("near_duplicates");

    @Override
    protected NearDuplicateStore store() {
        return new NearDuplicateSqlAdapter(database.em());
    }

    @Override
    protected VideoId newVideo() {
        return inTransaction(() -> VideoStorageForTests.adapter(database.em()).saveVideo(TestVideos.submitted("owner")).id());
    }

    @Test
    void deletingAVideoForgetsItsPairs() {
        VideoId original = newVideo();
        VideoId copy = newVideo();
        inTransaction(() -> {
            store().save(new NearDuplicatePair(copy, original, 0.9, 0.9, Instant.parse("2026-12-04T06:00:00Z")));
            return null;
        });
        inTransaction(() -> database.em().createNativeQuery("DELETE FROM video WHERE id = ?1").setParameter(1, original.value()).executeUpdate());

        assertThat(inTransaction(() -> store().pairsInvolving(List.of(copy)))).isEmpty();
        assertThat(inTransaction(() -> store().originalsOf(List.of(copy)))).isEmpty();
    }
}
