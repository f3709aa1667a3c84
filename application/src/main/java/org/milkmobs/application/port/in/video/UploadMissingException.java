package org.milkmobs.application.port.in.video;

import org.milkmobs.application.port.in.ConflictException;
import org.milkmobs.domain.video.VideoId;

/** Complete was called before the file arrived. */
public final class UploadMissingException extends ConflictException {

    public UploadMissingException(VideoId video) {
        super("no file has been uploaded for video " + video + " yet; send it to the upload URL first");
    }
}
