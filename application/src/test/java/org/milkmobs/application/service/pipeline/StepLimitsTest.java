package org.milkmobs.application.service.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milkmobs.domain.pipeline.PipelineStep;

class StepLimitsTest {

    @Test
    void onlyTheStepsGivenALimitHaveOne() {
        StepLimits limits = new StepLimits(Map.of(PipelineStep.EMBED, 4));
        assertThat(limits.acrossCluster(PipelineStep.EMBED)).hasValue(4);
        assertThat(limits.acrossCluster(PipelineStep.UNDERSTAND)).isEmpty();
        assertThat(StepLimits.NONE.acrossCluster(PipelineStep.EMBED)).isEmpty();
    }

    @Test
    void aLimitThatWouldStopTheStepIsRefused() {
        assertThatThrownBy(() -> new StepLimits(Map.of(PipelineStep.EMBED, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("embed").hasMessageContaining("at least 1");
    }
}
