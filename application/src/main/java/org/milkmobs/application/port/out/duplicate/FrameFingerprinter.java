package org.milkmobs.application.port.out.duplicate;

import java.util.Optional;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.domain.video.Fingerprint;

/**
 * Makes a stored video's picture fingerprint from its frames (ADR 0030), whatever analyzer embeds it: our own measure,
 * with no model call, so that the near-duplicate rule compares frames on every analyzer. The embed step asks for one
 * when the embedder made none (Marengo); the local analyzer makes it in its own single pass over the frames.
 */
public interface FrameFingerprinter {

    /**
     * The fingerprint of {@code media}'s picture: one luma grid per second of video; empty when not one second of it has
     * enough frames.
     *
     * @throws org.milkmobs.application.port.out.analysis.AnalysisFailedException when its frames cannot be decoded
     *         (permanent: not a video this server can decode; otherwise: try again later)
     * @throws org.milkmobs.application.port.out.storage.BlobStorageException when the store cannot hand the media's file
     *         over (it is not stored, or the store fails)
     */
    Optional<Fingerprint> fingerprint(VideoMedia media);
}
