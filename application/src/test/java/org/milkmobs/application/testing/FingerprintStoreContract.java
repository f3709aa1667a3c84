package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.duplicate.FingerprintStore;
import org.milkmobs.domain.video.Fingerprint;
import org.milkmobs.domain.video.VideoId;

/** What every fingerprint store does; run on the twin and on PostgreSQL. */
public abstract class FingerprintStoreContract extends ContractSuite {

    protected abstract FingerprintStore store();

    /** A video that exists in the store's world. */
    protected abstract VideoId newVideo();

    private void replace(VideoId video, Optional<Fingerprint> fingerprint) {
        inTransaction(() -> {
            store().replaceFingerprint(video, fingerprint);
            return null;
        });
    }

    private static Fingerprint fingerprint(int frames, int first) {
        byte[] cells = new byte[frames * 6];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = (byte) (first + 37 * i); // every byte value, the high ones too
        }
        return new Fingerprint(3, 2, cells);
    }

    @Test
    void aStoredFingerprintComesBackCellForCell() {
        VideoId video = newVideo();
        VideoId other = newVideo();
        replace(video, Optional.of(fingerprint(4, 200)));

        assertThat(inTransaction(() -> store().findFingerprint(video))).contains(fingerprint(4, 200));
        assertThat(inTransaction(() -> store().findFingerprint(other))).isEmpty();
    }

    @Test
    void replacingIsIdempotentAndEmptyRemoves() {
        VideoId video = newVideo();
        replace(video, Optional.of(fingerprint(4, 1)));
        replace(video, Optional.of(fingerprint(2, 9)));
        replace(video, Optional.of(fingerprint(2, 9)));
        assertThat(inTransaction(() -> store().findFingerprint(video))).contains(fingerprint(2, 9));

        replace(video, Optional.empty());
        replace(video, Optional.empty());
        assertThat(inTransaction(() -> store().findFingerprint(video))).isEmpty();
    }
}
