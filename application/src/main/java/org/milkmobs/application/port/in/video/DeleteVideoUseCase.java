package org.milkmobs.application.port.in.video;

import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.video.VideoId;

/**
 * Removes a video with everything it has: files, analysis, embeddings, membership and rows. Idempotent;
 * a file that cannot be deleted now is deleted later.
 */
public interface DeleteVideoUseCase {

    /** @return false when there was no such video (already deleted) */
    boolean delete(VideoId video, Caller admin);
}
