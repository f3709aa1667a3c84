package org.milkmobs.application.port.out;

import java.util.Optional;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

public interface LoadVideoPort {

    Optional<Video> loadVideo(VideoId id);

    /**
     * Loads the video and holds its row until the transaction ends, so concurrent changes of its status
     * (two pipeline branches finishing at once) wait for each other instead of failing. Stores without
     * transactions need no lock, hence the default.
     */
    default Optional<Video> loadVideoForUpdate(VideoId id) {
        return loadVideo(id);
    }
}
