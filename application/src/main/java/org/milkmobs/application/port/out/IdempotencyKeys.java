package org.milkmobs.application.port.out;

import java.time.Instant;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.VideoId;

/**
 * Remembers which video an {@code Idempotency-Key} created, per user, so a retried submission returns
 * the first video instead of making a second one.
 */
public interface IdempotencyKeys {

    /**
     * Claims {@code key} for {@code candidate}; when the key was claimed before, returns the earlier claim.
     * Concurrent claims of one key resolve to a single winner.
     */
    Claim claim(UserId owner, String key, String fingerprint, VideoId candidate, Instant now);

    /** Forgets keys older than {@code before}; returns how many. */
    int expire(Instant before);

    /** {@code sameRequest} is false when the key was first used with a different request body. */
    record Claim(VideoId video, boolean firstUse, boolean sameRequest) {
    }
}
