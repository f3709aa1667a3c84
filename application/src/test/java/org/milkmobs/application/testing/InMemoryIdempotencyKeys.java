package org.milkmobs.application.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.milkmobs.application.port.out.IdempotencyKeys;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.VideoId;

/** Idempotency keys per user in memory; the first claim of a key wins and is remembered with its request's fingerprint. */
public class InMemoryIdempotencyKeys implements IdempotencyKeys {

    private record Key(UserId owner, String key) {
    }

    private record Claimed(VideoId video, String fingerprint, Instant at) {
    }

    private final Map<Key, Claimed> claims = new HashMap<>();

    @Override
    public synchronized Claim claim(UserId owner, String key, String fingerprint, VideoId candidate, Instant now) {
        Claimed earlier = claims.putIfAbsent(new Key(owner, key), new Claimed(candidate, fingerprint, now));
        return earlier == null ? new Claim(candidate, true, true) : new Claim(earlier.video(), false, earlier.fingerprint().equals(fingerprint));
    }

    @Override
    public synchronized int expire(Instant before) {
        int size = claims.size();
        claims.values().removeIf(claimed -> claimed.at().isBefore(before));
        return size - claims.size();
    }

    public synchronized int size() {
        return claims.size();
    }
}
