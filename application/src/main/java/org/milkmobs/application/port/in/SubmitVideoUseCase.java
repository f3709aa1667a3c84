package org.milkmobs.application.port.in;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.milkmobs.application.port.UploadGrant;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.Description;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.Title;
import org.milkmobs.domain.video.Video;

/** A user submits a video to the trend: it is recorded and gets a URL to upload its file to. */
public interface SubmitVideoUseCase {

    SubmittedVideo submit(SubmitVideoCommand command);

    /**
     * @param idempotencyKey when given, a retried request with the same key returns the first video
     */
    record SubmitVideoCommand(UserId owner, Title title, Description description, Hashtags hashtags, Optional<String> idempotencyKey) {

        private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

        public SubmitVideoCommand {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(title, "title");
            description = description == null ? Description.EMPTY : description;
            hashtags = hashtags == null ? Hashtags.NONE : hashtags;
            idempotencyKey = idempotencyKey == null ? Optional.empty() : idempotencyKey;
            idempotencyKey.ifPresent(key -> {
                if (!KEY.matcher(key).matches()) {
                    throw new InvalidValueException("Idempotency-Key", "an Idempotency-Key is 1 to 255 visible ASCII characters");
                }
            });
        }

        public SubmitVideoCommand(UserId owner, Title title, Description description, Hashtags hashtags) {
            this(owner, title, description, hashtags, Optional.empty());
        }
    }

    /**
     * The video's details as its owner reads them, read in the submission's own transaction, and where to upload its
     * file; {@code repeated} when an Idempotency-Key returned an earlier video.
     */
    record SubmittedVideo(GetVideoUseCase.VideoDetails details, UploadGrant upload, boolean repeated) {

        public Video video() {
            return details.video();
        }
    }
}
