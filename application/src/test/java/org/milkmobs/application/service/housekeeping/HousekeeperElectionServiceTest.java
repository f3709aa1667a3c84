package org.milkmobs.application.service.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.testing.InMemoryHousekeeperTerms;
import org.milkmobs.application.testing.TestClock;

class HousekeeperElectionServiceTest {

    private final TestClock clock = TestClock.at("2026-12-04T10:00:00Z");
    private final HousekeeperElectionService election = new HousekeeperElectionService(new InMemoryHousekeeperTerms(),
            Duration.ofSeconds(30), clock);

    @Test
    void oneInstanceServesWhileItKeepsAsking() {
        assertThat(election.serve("a")).isTrue();
        assertThat(election.serve("b")).isFalse();
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(10));
            assertThat(election.serve("a")).as("a asks within its term").isTrue();
            assertThat(election.serve("b")).isFalse();
        }
    }

    @Test
    void whenTheHousekeeperStopsAskingAnotherTakesOverOnceItsTermEnds() {
        assertThat(election.serve("a")).isTrue();
        clock.advance(Duration.ofSeconds(29));
        assertThat(election.serve("b")).as("a's term still runs").isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(election.serve("b")).isTrue();
        assertThat(election.serve("a")).as("a came back too late: b serves").isFalse();
    }

    @Test
    void aHousekeeperThatStepsDownHandsOverAtOnce() {
        assertThat(election.serve("a")).isTrue();
        election.stepDown("a");
        assertThat(election.serve("b")).isTrue();
    }

    @Test
    void aTermMustLast() {
        assertThatThrownBy(() -> new HousekeeperElectionService(new InMemoryHousekeeperTerms(), Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
