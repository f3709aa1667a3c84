package org.milkmobs.application.service.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LongSummaryStatistics;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(2));

    @Test
    void theCeilingDoublesPerAttemptUpToTheMaximum() {
        assertThat(policy.ceilingAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.ceilingAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.ceilingAfter(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(policy.ceilingAfter(8)).isEqualTo(Duration.ofSeconds(256));
        assertThat(policy.ceilingAfter(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.ceilingAfter(1_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void fullJitterStaysWithinZeroAndTheCeilingAndSpreadsAcrossIt() {
        SplittableRandom random = new SplittableRandom(1);
        for (int attempt = 1; attempt <= 10; attempt++) {
            long ceiling = policy.ceilingAfter(attempt).toMillis();
            LongSummaryStatistics samples = new LongSummaryStatistics();
            for (int i = 0; i < 20_000; i++) {
                samples.accept(policy.delayAfter(attempt, random).toMillis());
            }
            assertThat(samples.getMin()).as("attempt %d", attempt).isGreaterThanOrEqualTo(0);
            assertThat(samples.getMax()).as("attempt %d", attempt).isLessThanOrEqualTo(ceiling);
            // uniform on [0, ceiling]: the mean sits near the middle and the extremes are reached
            assertThat(samples.getAverage()).as("attempt %d", attempt).isBetween(ceiling * 0.45, ceiling * 0.55);
            assertThat(samples.getMin()).isLessThan(ceiling / 20);
            assertThat(samples.getMax()).isGreaterThan(ceiling * 19 / 20);
        }
    }

    @Test
    void aZeroBaseMeansImmediateRetries() {
        RetryPolicy immediate = new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(30));
        assertThat(immediate.delayAfter(3, new SplittableRandom(1))).isZero();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
