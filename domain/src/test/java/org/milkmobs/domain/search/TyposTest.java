package org.milkmobs.domain.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TyposTest {

    @Test
    void aMissedAddedChangedOrSwappedLetterIsOneSlip() {
        assertThat(Typos.slips("mikmob", "milkmob")).isEqualTo(1);
        assertThat(Typos.slips("milkkmob", "milkmob")).isEqualTo(1);
        assertThat(Typos.slips("milkmub", "milkmob")).isEqualTo(1);
        assertThat(Typos.slips("milkmbo", "milkmob")).isEqualTo(1);
        assertThat(Typos.slips("mobs", "milkmob")).isEqualTo(5);
    }

    @Test
    void shortWordsMayHoldOneSlipLongOnesTwo() {
        assertThat(Typos.couldMean("milkmbo", "milkmob")).isTrue();
        assertThat(Typos.couldMean("mlkmbo", "milkmob")).isFalse();
        assertThat(Typos.couldMean("chalenge", "challenge")).isTrue();
        assertThat(Typos.couldMean("chalneg", "challenge")).isFalse();
        assertThat(Typos.couldMean("chalnege", "challenge")).isTrue();
        assertThat(Typos.couldMean("milkmob", "milkmob")).as("a word is not its own typo").isFalse();
    }
}
