package org.milkmobs.application.port.in.video;

import java.util.Objects;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/**
 * The client says its upload is done: the file is checked to be there and handed to the pipeline
 * (preflight, then analysis). Calling it again is harmless.
 */
public interface CompleteUploadUseCase {

    /**
     * @throws org.milkmobs.application.port.in.VideoNotFoundException when the caller may not complete this video
     * @throws UploadMissingException when no file has arrived yet
     */
    Video complete(CompleteUploadCommand command);

    record CompleteUploadCommand(VideoId videoId, Caller caller) {
        public CompleteUploadCommand {
            Objects.requireNonNull(videoId, "videoId");
            Objects.requireNonNull(caller, "caller");
        }
    }
}
