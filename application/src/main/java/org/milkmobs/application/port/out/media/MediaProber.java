package org.milkmobs.application.port.out.media;

import java.nio.file.Path;
import org.milkmobs.domain.video.MediaFacts;

/** Looks inside an uploaded file: is it a usable video, and what are its facts. */
public interface MediaProber {

    /**
     * Probes {@code file}, checks its integrity and the configured limits, and hashes its content.
     *
     * @throws MediaRejectedException when the file is empty, not a video, corrupt or over a limit
     */
    MediaFacts probe(Path file);
}
