package org.milkmobs.domain.video;

import java.util.regex.Pattern;
import org.milkmobs.domain.InvalidValueException;

/** The SHA-256 of a video's bytes, in lower-case hex. Equal hashes mean the same upload. */
public record ContentHash(String sha256) {

    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    public ContentHash {
        if (sha256 == null || !HEX_64.matcher(sha256).matches()) {
            throw new InvalidValueException("sha256", "a SHA-256 is 64 lower-case hex digits");
        }
    }

    @Override
    public String toString() {
        return sha256;
    }
}
