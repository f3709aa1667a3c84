package org.milkmobs.application.port.out.media;

import java.util.Objects;
import org.milkmobs.domain.video.Failure;

/** The file cannot be used as a video; {@link #failure()} says why, in words for its uploader. */
public final class MediaRejectedException extends RuntimeException {

    private final transient Failure failure;

    public MediaRejectedException(Failure failure) {
        super(failure.detail());
        this.failure = Objects.requireNonNull(failure);
    }

    /** The file is not valid media of the kind expected; {@code detail} says why. */
    public static MediaRejectedException invalid(String detail) {
        return new MediaRejectedException(new Failure(org.milkmobs.domain.video.FailureCode.INVALID_MEDIA, detail));
    }

    public Failure failure() {
        return failure;
    }
}
