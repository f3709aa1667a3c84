package org.milkmobs.application.port.out;

import org.milkmobs.domain.video.Video;

public interface SaveVideoPort {

    /**
     * Inserts a new video or updates a stored one, and returns it as stored (with its new version).
     *
     * @throws ConcurrentUpdateException when the video changed since it was loaded
     */
    Video saveVideo(Video video);
}
