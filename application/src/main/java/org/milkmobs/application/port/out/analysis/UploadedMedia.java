package org.milkmobs.application.port.out.analysis;

import java.util.Objects;
import java.util.Optional;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.domain.video.ContentHash;
import org.milkmobs.domain.video.MediaFacts;

/**
 * A file uploaded through the gateway to be embedded, not a catalogue video: where its bytes are, what it is,
 * and the API key it is embedded (and paid) for.
 *
 * @param seconds how long it lasts, what a model priced by the second is reserved and charged for
 * @param videoFacts the probe's facts of a video when it was just probed (an embedder that reads the file needs them); empty for audio
 *        and for a running job's polls
 * @param jobId the gateway job it is embedded for, which names the invocation (its client request token)
 */
public record UploadedMedia(BlobKey key, Kind kind, double seconds, long sizeBytes, ContentHash contentHash, Optional<MediaFacts> videoFacts,
                            String apiKeyId, String jobId) {

    public enum Kind { VIDEO, AUDIO }

    public UploadedMedia {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        if (!(seconds > 0) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("an uploaded file lasts a finite positive time, not " + seconds + " s");
        }
        if (sizeBytes < 1) {
            throw new IllegalArgumentException("an uploaded file has bytes");
        }
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(videoFacts, "videoFacts");
        Objects.requireNonNull(apiKeyId, "apiKeyId");
        Objects.requireNonNull(jobId, "jobId");
    }
}
