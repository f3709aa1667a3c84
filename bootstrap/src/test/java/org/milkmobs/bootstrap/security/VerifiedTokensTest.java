package org.milkmobs.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");
    private final MovableClock clock = new MovableClock();
    private final VerifiedTokens<String> tokens = new VerifiedTokens<>(3, Duration.ofMinutes(5), clock);

    @Test
    void aVerifiedTokenIsKnownUntilItExpires() {
        tokens.remember("header.claims.signature", "alice", NOW.plusSeconds(60));

        assertThat(tokens.find("header.claims.signature")).contains("alice");
        clock.now = NOW.plusSeconds(59);
        assertThat(tokens.find("header.claims.signature")).contains("alice");
        clock.now = NOW.plusSeconds(60);
        assertThat(tokens.find("header.claims.signature")).isEmpty();
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheTtl() {
        tokens.remember("long.lived.token", "alice", NOW.plus(Duration.ofDays(1)));

        clock.now = NOW.plus(Duration.ofMinutes(5)).minusSeconds(1);
        assertThat(tokens.find("long.lived.token")).contains("alice");
        clock.now = NOW.plus(Duration.ofMinutes(5));
        assertThat(tokens.find("long.lived.token")).isEmpty();
    }

    @Test
    void aTokenDifferingInAnyByteIsAStranger() {
        tokens.remember("header.claims.signature", "alice", NOW.plusSeconds(60));

        assertThat(tokens.find("header.claims.signaturf")).isEmpty();
        assertThat(tokens.find("header.claims.signature ")).isEmpty();
        assertThat(tokens.find("header.claims.signatur\u00e9")).isEmpty();
    }

    @Test
    void anExpiredTokenIsNotKept() {
        tokens.remember("expired.token.x", "alice", NOW.minusSeconds(1));

        assertThat(tokens.find("expired.token.x")).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void atCapacityTheExpiredGoFirstThenAll() {
        tokens.remember("a", "a", NOW.plusSeconds(10));
        tokens.remember("b", "b", NOW.plusSeconds(100));
        tokens.remember("c", "c", NOW.plusSeconds(100));
        clock.now = NOW.plusSeconds(20);

        tokens.remember("d", "d", NOW.plusSeconds(100));
        assertThat(tokens.find("b")).contains("b");
        assertThat(tokens.find("d")).contains("d");
        assertThat(tokens.size()).isEqualTo(3);

        tokens.remember("e", "e", NOW.plusSeconds(100));
        assertThat(tokens.size()).isEqualTo(1);
        assertThat(tokens.find("e")).contains("e");
        assertThat(tokens.find("b")).isEmpty();
    }

    @Test
    void capacityZeroKeepsNothing() {
        VerifiedTokens<String> off = new VerifiedTokens<>(0, Duration.ofMinutes(5), clock);

        off.remember("header.claims.signature", "alice", NOW.plusSeconds(60));

        assertThat(off.enabled()).isFalse();
        assertThat(off.find("header.claims.signature")).isEmpty();
    }

    private static final class MovableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
