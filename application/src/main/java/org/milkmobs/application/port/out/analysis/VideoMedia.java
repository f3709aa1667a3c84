package org.milkmobs.application.port.out.analysis;

import java.util.Objects;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.domain.video.MediaFacts;
import org.milkmobs.domain.video.VideoId;

/** A stored video as analyzers receive it: where its bytes are and what probing found. */
public record VideoMedia(VideoId videoId, BlobKey key, MediaFacts facts) {

    public VideoMedia {
        Objects.requireNonNull(videoId, "videoId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(facts, "facts");
    }
}
