package org.milkmobs.domain.video;

import java.util.Objects;
import java.util.UUID;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.Require;
import org.milkmobs.domain.TimeOrderedUuid;

/** Identifies a video. Made by the server, time-ordered, and safe to put in URLs and object keys. */
public record VideoId(UUID value) implements Comparable<VideoId> {

    public VideoId {
        Objects.requireNonNull(value, "value");
    }

    public static VideoId generate() {
        return new VideoId(TimeOrderedUuid.next());
    }

    /** Parses the canonical 36-character form; anything else is an {@link InvalidValueException}. */
    public static VideoId parse(String text) {
        Require.present("videoId", text);
        if (text.length() != 36) {
            throw new InvalidValueException("videoId", "videoId must be a UUID such as 0190b0a4-5bd7-7c8e-9a51-5d6f0c1e2a3b");
        }
        try {
            return new VideoId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("videoId", "videoId must be a UUID such as 0190b0a4-5bd7-7c8e-9a51-5d6f0c1e2a3b");
        }
    }

    @Override
    public int compareTo(VideoId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
