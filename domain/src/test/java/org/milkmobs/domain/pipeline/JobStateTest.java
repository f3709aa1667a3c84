package org.milkmobs.domain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Which admin action applies in which state (defect 15: a finished job was "cancelled", a completed one "retried"). */
class JobStateTest {

    @Test
    void onlyDeadOrCancelledJobsAreRetried() {
        assertThat(Arrays.stream(JobState.values()).filter(JobState::canBeRetried)).containsExactly(JobState.DEAD, JobState.CANCELLED);
    }

    @Test
    void onlyUnfinishedJobsAreCancelled() {
        assertThat(Arrays.stream(JobState.values()).filter(JobState::canBeCancelled)).containsExactly(JobState.AVAILABLE, JobState.RUNNING);
    }
}
