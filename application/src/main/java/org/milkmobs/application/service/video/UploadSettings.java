package org.milkmobs.application.service.video;

import java.time.Duration;
import java.util.Objects;

/**
 * How long upload and download URLs stay valid; after how long a finished upload whose client never
 * called complete is picked up; after how long a submission with no upload at all is given up.
 */
public record UploadSettings(Duration uploadUrlTtl, Duration downloadUrlTtl, Duration completeAfter, Duration abandonAfter) {

    public UploadSettings {
        Objects.requireNonNull(uploadUrlTtl, "uploadUrlTtl");
        Objects.requireNonNull(downloadUrlTtl, "downloadUrlTtl");
        Objects.requireNonNull(completeAfter, "completeAfter");
        Objects.requireNonNull(abandonAfter, "abandonAfter");
        if (abandonAfter.compareTo(uploadUrlTtl) < 0) {
            throw new IllegalArgumentException("a submission must not be abandoned before its upload URL expires");
        }
    }
}
