package org.milkmobs.application.port.out.duplicate;

import java.util.Optional;
import org.milkmobs.domain.video.Fingerprint;
import org.milkmobs.domain.video.VideoId;

/** A video's picture fingerprint, stored with its embeddings by the embed step and read by the near-duplicate rule (ADR 0030). */
public interface FingerprintStore {

    /** Makes {@code fingerprint} the video's: idempotent; empty removes the one it had (another analyzer's run made none). */
    void replaceFingerprint(VideoId video, Optional<Fingerprint> fingerprint);

    Optional<Fingerprint> findFingerprint(VideoId video);
}
