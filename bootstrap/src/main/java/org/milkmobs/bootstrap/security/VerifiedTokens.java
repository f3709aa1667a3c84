package org.milkmobs.bootstrap.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens the JWT mechanism has verified, each kept under the SHA-256 of the whole token (header, claims and
 * signature, so a token altered in any byte is a stranger) until the earlier of its {@code exp} and {@code ttl} from
 * now. A client sends the same token with every request until it expires, and checking it again (parsing, an RSA
 * signature, the claims) cost more than the rest of a cheap request (ADR 0029). Only successes are kept: a refused
 * token is checked afresh each time, and a kept one is never accepted past its expiry. The ttl bounds how long a
 * token stays accepted after the verification key is replaced, as Payara's own key cache does. {@code capacity}
 * bounds the memory: when it is reached the expired entries go, and if that is not enough, all of them.
 *
 * @param <V> what the verification established (the caller principal and its groups)
 */
final class VerifiedTokens<V> {

    private record Entry<V>(V verified, Instant until) {
    }

    private final int capacity;
    private final Duration ttl;
    private final Clock clock;
    private final Map<ByteBuffer, Entry<V>> entries = new ConcurrentHashMap<>();

    VerifiedTokens(int capacity, Duration ttl, Clock clock) {
        if (capacity < 0 || ttl.isNegative()) {
            throw new IllegalArgumentException("capacity and ttl cannot be negative: " + capacity + ", " + ttl);
        }
        this.capacity = capacity;
        this.ttl = ttl;
        this.clock = clock;
    }

    boolean enabled() {
        return capacity > 0 && !ttl.isZero();
    }

    /** What verifying {@code token} established, if it was verified and has not expired since. */
    Optional<V> find(String token) {
        if (!enabled()) {
            return Optional.empty();
        }
        ByteBuffer key = key(token);
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.verified());
    }

    /** Keeps what verifying {@code token} established, until {@code expiresAt} (its {@code exp}) or the ttl. */
    void remember(String token, V verified, Instant expiresAt) {
        if (!enabled()) {
            return;
        }
        Instant now = clock.instant();
        Instant until = expiresAt.isBefore(now.plus(ttl)) ? expiresAt : now.plus(ttl);
        if (!now.isBefore(until)) {
            return;
        }
        if (entries.size() >= capacity) {
            entries.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (entries.size() >= capacity) {
                entries.clear();
            }
        }
        entries.put(key(token), new Entry<>(verified, until));
    }

    int size() {
        return entries.size();
    }

    private static ByteBuffer key(String token) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
