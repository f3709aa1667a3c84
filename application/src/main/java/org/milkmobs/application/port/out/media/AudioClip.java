package org.milkmobs.application.port.out.media;

import java.util.Objects;

/**
 * A search query's audio clip as probed: its bytes, and how long its sound lasts, which is what a model
 * that prices media by the second charges for.
 */
public record AudioClip(byte[] bytes, double seconds) {

    public AudioClip {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            throw new IllegalArgumentException("an audio clip has bytes");
        }
        if (!(seconds > 0) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("an audio clip lasts a finite positive time, not " + seconds + " s");
        }
    }
}
