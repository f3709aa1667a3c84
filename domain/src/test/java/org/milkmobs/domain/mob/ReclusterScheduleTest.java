package org.milkmobs.domain.mob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReclusterScheduleTest {

    private static final Instant RAN = Instant.parse("2026-12-04T08:00:00Z");
    private final ReclusterSchedule schedule = new ReclusterSchedule(Duration.ofHours(1), 0.2, 20);

    @Test
    void theFirstRunIsDueAtOnce() {
        assertThat(schedule.due(Optional.empty(), 0, RAN)).contains("schedule");
    }

    @Test
    void nothingIsDueWhileARunIsRunningHoweverLongAgoItStarted() {
        ReclusterRun running = new ReclusterRun(UUID.randomUUID(), "RUNNING", "admin", "clustering", 0.3, RAN, null, null, null, null, null, null);

        assertThat(schedule.due(Optional.of(running), 1000, RAN.plus(Duration.ofHours(5)))).isEmpty();
    }

    @Test
    void theClockCallsARunOncePeriodHasPassedSinceTheLastStarted() {
        assertThat(schedule.due(succeeded(100), 100, RAN.plus(Duration.ofMinutes(59)))).isEmpty();
        assertThat(schedule.due(succeeded(100), 100, RAN.plus(Duration.ofHours(1)))).contains("schedule");
    }

    @Test
    void growthByTheShareSinceTheLastRunCallsOneSooner() {
        Instant soon = RAN.plus(Duration.ofMinutes(5));

        assertThat(schedule.due(succeeded(100), 119, soon)).isEmpty();
        assertThat(schedule.due(succeeded(100), 120, soon)).contains("growth");
        assertThat(schedule.due(succeeded(0), 20, soon)).as("an empty catalogue's first 20 members").contains("growth");
    }

    @Test
    void belowTheMinimumGrowthDoesNotCount() {
        assertThat(schedule.due(succeeded(5), 19, RAN.plus(Duration.ofMinutes(5)))).isEmpty();
    }

    @Test
    void aFailedRunLeavesTheNextToTheClockSoAFailureDoesNotRepeatAtEveryTick() {
        ReclusterRun failed = new ReclusterRun(UUID.randomUUID(), "FAILED", "growth", "clustering", 0.3, RAN, RAN, null, null, null, null, "boom");

        assertThat(schedule.due(Optional.of(failed), 500, RAN.plus(Duration.ofMinutes(5)))).isEmpty();
        assertThat(schedule.due(Optional.of(failed), 500, RAN.plus(Duration.ofHours(1)))).contains("schedule");
    }

    @Test
    void growthZeroLeavesTheClockAlone() {
        assertThat(ReclusterSchedule.every(Duration.ofHours(1)).due(succeeded(100), 10_000, RAN.plus(Duration.ofMinutes(5)))).isEmpty();
    }

    @Test
    void aCountThatChangedSinceTheLastRunAndThenStoodStillForTheSettlePeriodCallsARun() {
        ReclusterSchedule settling = new ReclusterSchedule(Duration.ofHours(1), 0.2, 20, Duration.ofMinutes(2));
        Instant lastUpload = RAN.plus(Duration.ofMinutes(5));

        assertThat(settling.due(succeeded(100), 110, lastUpload, lastUpload.plusSeconds(119))).as("still settling").isEmpty();
        assertThat(settling.due(succeeded(100), 110, lastUpload, lastUpload.plusSeconds(120))).contains("settled");
        assertThat(settling.due(succeeded(100), 95, lastUpload, lastUpload.plusSeconds(120))).as("videos left: a change too")
                .contains("settled");
        assertThat(settling.due(succeeded(100), 130, lastUpload, lastUpload.plusSeconds(1))).as("growth does not wait")
                .contains("growth");
    }

    @Test
    void nothingSettlesWhenTheCountIsTheLastRunsBelowTheMinimumAfterAFailureOrWithSettleOff() {
        ReclusterSchedule settling = new ReclusterSchedule(Duration.ofHours(1), 0.2, 20, Duration.ofMinutes(2));
        Instant later = RAN.plus(Duration.ofMinutes(30));
        ReclusterRun failed = new ReclusterRun(UUID.randomUUID(), "FAILED", "growth", "clustering", 0.3, RAN, RAN, null, null, null, null, "boom");

        assertThat(settling.due(succeeded(100), 100, RAN, later)).as("the clustering is of these members").isEmpty();
        assertThat(settling.due(succeeded(10), 12, RAN, later)).as("below the minimum").isEmpty();
        assertThat(settling.due(Optional.of(failed), 110, RAN, later)).as("a failure waits for the clock").isEmpty();
        assertThat(schedule.due(succeeded(100), 110, RAN, later)).as("settle zero").isEmpty();
        assertThatThrownBy(() -> new ReclusterSchedule(Duration.ofHours(1), 0.2, 20, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aScheduleWithoutAPositivePeriodOrWithNegativeGrowthIsRefused() {
        assertThatThrownBy(() -> new ReclusterSchedule(Duration.ZERO, 0.2, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReclusterSchedule(Duration.ofHours(1), -0.1, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReclusterSchedule(Duration.ofHours(1), Double.NaN, 20)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Optional<ReclusterRun> succeeded(int videos) {
        return Optional.of(new ReclusterRun(UUID.randomUUID(), "SUCCEEDED", "schedule", "done", 1, RAN, RAN.plusSeconds(30), 4, 1.0, videos, 0, null));
    }
}
