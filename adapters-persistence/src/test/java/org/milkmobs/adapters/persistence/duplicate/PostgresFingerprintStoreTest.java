package org.milkmobs.adapters.persistence.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.adapters.persistence.video.VideoStorageForTests;
import org.milkmobs.application.port.out.duplicate.FingerprintStore;
import org.milkmobs.application.testing.FingerprintStoreContract;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.video.Fingerprint;
import org.milkmobs.domain.video.VideoId;

/** The fingerprint store contract on PostgreSQL, and what only the database does: forgetting deleted videos. */
class PostgresFingerprintStoreTest extends FingerprintStoreContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("fingerprints");

    @Override
    protected FingerprintStore store() {
        return new FingerprintSqlAdapter(database.em());
    }

    @Override
    protected VideoId newVideo() {
        return inTransaction(() -> VideoStorageForTests.adapter(database.em()).saveVideo(TestVideos.submitted("owner")).id());
    }

    @Test
    void deletingAVideoForgetsItsFingerprint() {
        VideoId video = newVideo();
        inTransaction(() -> {
            store().replaceFingerprint(video, Optional.of(new Fingerprint(2, 2, new byte[] {1, 2, 3, 4})));
            return null;
        });
        inTransaction(() -> database.em().createNativeQuery("DELETE FROM video WHERE id = ?1").setParameter(1, video.value()).executeUpdate());

        assertThat(inTransaction(() -> store().findFingerprint(video))).isEmpty();
    }
}
