package org.milkmobs.application.port.in.video;

import java.util.Objects;
import org.milkmobs.application.port.in.GetVideoUseCase.VideoDetails;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.video.VideoId;

/**
 * The client says its upload is done: the file is checked to be there and handed to the pipeline
 * (preflight, then analysis). Calling it again is harmless.
 */
public interface CompleteUploadUseCase {

    /**
     * @throws org.milkmobs.application.port.in.VideoNotFoundException when the caller may not complete this video
     * @throws UploadMissingException when no file has arrived yet
     * @return the video's details as the caller reads them, with the workflow this call started, in the call's own transaction
     */
    VideoDetails complete(CompleteUploadCommand command);

    record CompleteUploadCommand(VideoId videoId, Caller caller) {
        public CompleteUploadCommand {
            Objects.requireNonNull(videoId, "videoId");
            Objects.requireNonNull(caller, "caller");
        }
    }
}
