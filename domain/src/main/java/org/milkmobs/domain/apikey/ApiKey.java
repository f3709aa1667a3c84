package org.milkmobs.domain.apikey;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.milkmobs.domain.Require;

/**
 * A key for the OpenAI-compatible gateway. Only the secret's hash is kept (the secret is shown once, when
 * the key is made); {@code prefix} is its first characters, so an admin can tell keys apart.
 */
public record ApiKey(String id, String name, String prefix, String secretHash, Instant createdAt, Optional<Instant> revokedAt,
                     Optional<Instant> lastUsedAt) {

    /** How stale "last used" may get: a key used every second is not written every second. */
    public static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    public ApiKey {
        Require.text("id", id, 1, 100, false);
        name = Require.text("name", name, 1, 100, false);
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }

    /** A new key for {@code secret}. */
    public static ApiKey issue(String id, String name, ApiKeySecret secret, Instant at) {
        return new ApiKey(id, name, secret.prefix(), secret.hash(), at, Optional.empty(), Optional.empty());
    }

    public boolean active() {
        return revokedAt.isEmpty();
    }

    /** Revoked now, or when it was first revoked (revoking twice changes nothing). */
    public ApiKey revoke(Instant at) {
        return active() ? new ApiKey(id, name, prefix, secretHash, createdAt, Optional.of(at), lastUsedAt) : this;
    }

    /** Whether a use at {@code at} is worth writing down. */
    public boolean lastUsedIsStale(Instant at) {
        return lastUsedAt.map(last -> !last.plus(LAST_USED_PRECISION).isAfter(at)).orElse(true);
    }
}
