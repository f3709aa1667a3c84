package org.milkmobs.application.port.out;

import org.milkmobs.domain.video.VideoId;

public interface DeleteVideoPort {

    /** Deletes the video's rows (its workflow, analysis, embeddings and memberships go with it); false if none. */
    boolean deleteVideo(VideoId id);
}
