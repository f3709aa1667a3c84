package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.IdempotencyKeys;
import org.milkmobs.application.port.out.IdempotencyKeys.Claim;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.VideoId;

/**
 * A retried submission finds the video its key first made: the first claim wins, a later one reads it and learns
 * whether the request was the same, keys are per user, and an expired key can be used afresh. Run on the twin and
 * on PostgreSQL; each test uses keys of its own.
 */
public abstract class IdempotencyKeysContract extends ContractSuite {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    /** Request fingerprints are SHA-256 hex digests. */
    private static final String BODY = "a".repeat(64);
    private static final String OTHER_BODY = "b".repeat(64);

    protected abstract IdempotencyKeys keys();

    private final String key = "key-" + UUID.randomUUID();
    private final UserId alice = new UserId("alice");

    @Test
    void theFirstClaimWinsAndARetryReadsItsVideo() {
        VideoId first = VideoId.generate();

        assertThat(claim(alice, key, BODY, first, NOW)).isEqualTo(new Claim(first, true, true));
        assertThat(claim(alice, key, BODY, VideoId.generate(), NOW.plusSeconds(1))).isEqualTo(new Claim(first, false, true));
        assertThat(claim(alice, key, OTHER_BODY, VideoId.generate(), NOW.plusSeconds(2))).as("the same key for another request")
                .isEqualTo(new Claim(first, false, false));
    }

    @Test
    void keysArePerUser() {
        VideoId alices = VideoId.generate();
        VideoId bobs = VideoId.generate();
        claim(alice, key, BODY, alices, NOW);

        assertThat(claim(new UserId("bob"), key, BODY, bobs, NOW)).isEqualTo(new Claim(bobs, true, true));
        assertThat(claim(alice, key, BODY, VideoId.generate(), NOW).video()).isEqualTo(alices);
    }

    /** Its keys lie years before the other tests', so its expiry touches only them. */
    @Test
    void keysOlderThanTheCutOffAreForgottenAndCanBeUsedAfresh() {
        Instant longAgo = Instant.parse("2020-01-01T00:00:00Z");
        String newer = "key-" + UUID.randomUUID();
        claim(alice, key, BODY, VideoId.generate(), longAgo);
        claim(alice, newer, BODY, VideoId.generate(), longAgo.plus(Duration.ofDays(1)));

        assertThat(inTransaction(() -> keys().expire(longAgo))).as("only keys older than the cut-off").isZero();
        assertThat(inTransaction(() -> keys().expire(longAgo.plus(Duration.ofDays(1))))).isEqualTo(1);

        VideoId again = VideoId.generate();
        assertThat(claim(alice, key, OTHER_BODY, again, NOW)).isEqualTo(new Claim(again, true, true));
        assertThat(claim(alice, newer, BODY, VideoId.generate(), NOW).firstUse()).isFalse();
    }

    private Claim claim(UserId owner, String key, String fingerprint, VideoId candidate, Instant at) {
        return inTransaction(() -> keys().claim(owner, key, fingerprint, candidate, at));
    }
}
