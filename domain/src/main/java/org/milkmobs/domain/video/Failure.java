package org.milkmobs.domain.video;

import java.util.Objects;
import org.milkmobs.domain.Require;

/** Why a video ended in {@link VideoStatus#FAILED}: a category and a sentence for the uploader. */
public record Failure(FailureCode code, String detail) {

    public Failure {
        Objects.requireNonNull(code, "code");
        detail = Require.text("detail", detail, 1, 2000, true);
    }
}
