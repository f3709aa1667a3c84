package org.milkmobs.adapters.rest.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.rest.support.RateLimited.Kind;
import org.milkmobs.adapters.rest.support.RateLimits.Allowance;

class RateLimitsTest {

    private final RateLimits limits = new RateLimits(Map.of(Kind.SEARCH, new Allowance(3, Duration.ofHours(1)),
            Kind.SUBMIT, new Allowance(1, Duration.ofHours(1))), 10_000);

    @Test
    void grantsTheAllowanceThenRefusesWithTheTimeUntilTheNextRequestRefills() {
        for (int i = 0; i < 3; i++) {
            assertThat(limits.acquire(Kind.SEARCH, "ana")).as("request " + (i + 1)).isEmpty();
        }
        Duration wait = limits.acquire(Kind.SEARCH, "ana").orElseThrow();
        // 3 per hour refill one every 20 minutes
        assertThat(wait).isBetween(Duration.ofMinutes(19), Duration.ofMinutes(20));
    }

    @Test
    void eachUserAndEachKindHasItsOwnAllowance() {
        assertThat(limits.acquire(Kind.SUBMIT, "ana")).isEmpty();
        assertThat(limits.acquire(Kind.SUBMIT, "ana")).isPresent();
        assertThat(limits.acquire(Kind.SUBMIT, "bo")).isEmpty();
        assertThat(limits.acquire(Kind.SEARCH, "ana")).isEmpty();
    }

    @Test
    void droppingIdleBucketsNeverGivesAnExhaustedUserTheirAllowanceBack() {
        RateLimits sweeping = new RateLimits(Map.of(Kind.SEARCH, new Allowance(3, Duration.ofHours(1)),
                Kind.SUBMIT, new Allowance(1, Duration.ofHours(1))), 2);
        assertThat(sweeping.acquire(Kind.SUBMIT, "ana")).isEmpty();
        for (String user : new String[] {"bo", "cy", "di", "ed"}) {
            assertThat(sweeping.acquire(Kind.SEARCH, user)).isEmpty(); // past 2 buckets, sweeps run
        }
        assertThat(sweeping.acquire(Kind.SUBMIT, "ana")).as("still exhausted after the sweeps").isPresent();
        assertThat(sweeping.acquire(Kind.SEARCH, "bo")).as("a partly used bucket is kept").isEmpty();
        assertThat(sweeping.acquire(Kind.SEARCH, "bo")).isEmpty();
        assertThat(sweeping.acquire(Kind.SEARCH, "bo")).as("bo's fourth request: 3 per hour").isPresent();
    }

    @Test
    void refusesAllowancesThatCouldNeverGrantARequest() {
        assertThatThrownBy(() -> new Allowance(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Allowance(5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
