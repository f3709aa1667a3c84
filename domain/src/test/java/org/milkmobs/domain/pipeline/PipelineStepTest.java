package org.milkmobs.domain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.milkmobs.domain.pipeline.PipelineStep.*;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.milkmobs.domain.InvalidValueException;

class PipelineStepTest {

    @Test
    void preflightFansOutToThreeParallelBranches() {
        assertThat(readyAfter(PREFLIGHT, EnumSet.of(PREFLIGHT))).containsExactlyInAnyOrder(THUMBNAIL, UNDERSTAND, EMBED);
        assertThat(EMBED.siblings()).containsExactlyInAnyOrder(THUMBNAIL, UNDERSTAND);
    }

    @Test
    void theJoinWaitsForEveryBranch() {
        assertThat(readyAfter(EMBED, EnumSet.of(PREFLIGHT, EMBED))).isEmpty();
        assertThat(readyAfter(UNDERSTAND, EnumSet.of(PREFLIGHT, EMBED, UNDERSTAND))).isEmpty();
        assertThat(readyAfter(THUMBNAIL, EnumSet.of(PREFLIGHT, EMBED, UNDERSTAND, THUMBNAIL))).containsExactly(WRITE_RESULTS);
    }

    @Test
    void afterTheJoinTheStepsRunInSequenceToTheEnd() {
        EnumSet<PipelineStep> done = EnumSet.of(PREFLIGHT, THUMBNAIL, UNDERSTAND, EMBED, WRITE_RESULTS);
        assertThat(readyAfter(WRITE_RESULTS, done)).containsExactly(VALIDATE);
        done.add(VALIDATE);
        assertThat(readyAfter(VALIDATE, done)).containsExactly(CLUSTER);
        done.add(CLUSTER);
        assertThat(readyAfter(CLUSTER, done)).containsExactly(EMIT);
        done.add(EMIT);
        assertThat(readyAfter(EMIT, done)).isEmpty();
        assertThat(EMIT.isLast()).isTrue();
        assertThat(PREFLIGHT.isLast()).isFalse();
    }

    @Test
    void wireNamesRoundTripAndUnknownNamesAreRefused() {
        for (PipelineStep step : values()) {
            assertThat(fromWireName(step.wireName())).isEqualTo(step);
        }
        assertThat(WRITE_RESULTS.wireName()).isEqualTo("write-results");
        assertThatThrownBy(() -> fromWireName("WRITE_RESULTS")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("write-results");
    }
}
