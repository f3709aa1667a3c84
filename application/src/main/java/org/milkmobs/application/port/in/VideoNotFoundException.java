package org.milkmobs.application.port.in;

import org.milkmobs.domain.video.VideoId;

/**
 * No video with this id exists for the caller. A video the caller may not see is reported the same way,
 * so that its existence does not leak.
 */
public final class VideoNotFoundException extends NotFoundException {

    private final VideoId videoId;

    public VideoNotFoundException(VideoId videoId) {
        super("no video " + videoId + " exists");
        this.videoId = videoId;
    }

    public VideoId videoId() {
        return videoId;
    }
}
