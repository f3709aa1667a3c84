package org.milkmobs.application.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.duplicate.FrameFingerprinter;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.port.out.storage.BlobMissingException;
import org.milkmobs.domain.video.Fingerprint;

/**
 * A frame fingerprinter that knows the pictures it was told about: a stored file's fingerprint (or none), or that it is
 * no video; a file it was not told about is not stored. Counts its calls, so a test can tell that a video was not
 * decoded twice.
 */
public class InMemoryFrameFingerprinter implements FrameFingerprinter {

    private sealed interface Picture {
    }

    private record Frames(Optional<Fingerprint> fingerprint) implements Picture {
    }

    private record Undecodable(String reason) implements Picture {
    }

    private final Map<BlobKey, Picture> pictures = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    /** The file at {@code key} is a video with this fingerprint (empty: not one full second of frames). */
    public InMemoryFrameFingerprinter picture(BlobKey key, Optional<Fingerprint> fingerprint) {
        pictures.put(key, new Frames(fingerprint));
        return this;
    }

    /** The file at {@code key} is no video that can be decoded. */
    public InMemoryFrameFingerprinter undecodable(BlobKey key, String reason) {
        pictures.put(key, new Undecodable(reason));
        return this;
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public Optional<Fingerprint> fingerprint(VideoMedia media) {
        calls.incrementAndGet();
        Picture picture = pictures.get(media.key());
        if (picture == null) {
            throw new BlobMissingException("no blob " + media.key());
        }
        if (picture instanceof Undecodable undecodable) {
            throw new AnalysisFailedException("cannot decode the frames of video " + media.videoId() + ": " + undecodable.reason(), true);
        }
        return ((Frames) picture).fingerprint();
    }
}
