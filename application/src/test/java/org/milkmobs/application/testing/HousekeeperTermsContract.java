package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.housekeeping.HousekeeperTerms;

/** One housekeeper at a time, handed over when its term ends or it resigns; run on the twin and on PostgreSQL. */
public abstract class HousekeeperTermsContract extends ContractSuite {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    protected abstract HousekeeperTerms terms();

    private boolean hold(String instance, int atSecond, int untilSecond) {
        return inTransaction(() -> terms().holdUntil(instance, T0.plusSeconds(atSecond), T0.plusSeconds(untilSecond)));
    }

    @AfterEach
    void resignAll() {
        inTransaction(() -> {
            terms().resign("a");
            terms().resign("b");
            return null;
        });
    }

    @Test
    void theFirstToAskHoldsTheTermAndOthersAreRefusedUntilItEnds() {
        assertThat(hold("a", 0, 30)).isTrue();
        assertThat(hold("b", 1, 31)).isFalse();
        assertThat(hold("a", 10, 40)).as("the holder renews").isTrue();
        assertThat(hold("b", 35, 65)).as("the renewed term has not ended").isFalse();
        assertThat(hold("b", 41, 71)).as("a term that ran out is taken over").isTrue();
        assertThat(hold("a", 42, 72)).as("the old holder is out").isFalse();
    }

    @Test
    void aResignedTermIsFreeAtOnceAndOnlyTheHolderCanResign() {
        assertThat(hold("a", 0, 30)).isTrue();
        inTransaction(() -> {
            terms().resign("b");
            return null;
        });
        assertThat(hold("b", 1, 31)).as("b could not end a's term").isFalse();
        inTransaction(() -> {
            terms().resign("a");
            return null;
        });
        assertThat(hold("b", 2, 32)).isTrue();
    }
}
