package org.milkmobs.domain.video;

import java.util.Objects;
import org.milkmobs.domain.Require;

/**
 * What probing the uploaded file found. {@code audioCodec} is null when the file has no audio stream.
 *
 * @param container the container formats as the prober names them, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}
 */
public record MediaFacts(
        String container,
        String videoCodec,
        String audioCodec,
        double durationSeconds,
        int width,
        int height,
        long sizeBytes,
        ContentHash contentHash) {

    public MediaFacts {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(videoCodec, "videoCodec");
        Require.finiteAtLeast("durationSeconds", durationSeconds, 0);
        Require.atLeast("width", width, 1);
        Require.atLeast("height", height, 1);
        Require.atLeast("sizeBytes", sizeBytes, 1);
        Objects.requireNonNull(contentHash, "contentHash");
    }

    public boolean hasAudio() {
        return audioCodec != null;
    }
}
