package org.milkmobs.application.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.milkmobs.application.port.out.duplicate.FingerprintStore;
import org.milkmobs.domain.video.Fingerprint;
import org.milkmobs.domain.video.VideoId;

/** Fingerprints in memory. */
public class InMemoryFingerprintStore implements FingerprintStore {

    private final Map<VideoId, Fingerprint> fingerprints = new ConcurrentHashMap<>();

    @Override
    public void replaceFingerprint(VideoId video, Optional<Fingerprint> fingerprint) {
        fingerprint.ifPresentOrElse(f -> fingerprints.put(video, f), () -> fingerprints.remove(video));
    }

    @Override
    public Optional<Fingerprint> findFingerprint(VideoId video) {
        return Optional.ofNullable(fingerprints.get(video));
    }
}
