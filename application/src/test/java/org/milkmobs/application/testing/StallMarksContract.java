package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.events.StallMarks;
import org.milkmobs.domain.pipeline.PipelineStep;

/** A stall is marked once until it is cleared; run on the twin and on PostgreSQL. */
public abstract class StallMarksContract extends ContractSuite {

    protected abstract StallMarks marks();

    @Test
    void aStepIsMarkedOnceUntilCleared() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(inTransaction(() -> marks().mark(PipelineStep.EMBED, now))).isTrue();
        assertThat(inTransaction(() -> marks().mark(PipelineStep.EMBED, now))).isFalse();
        assertThat(inTransaction(() -> marks().mark(PipelineStep.UNDERSTAND, now))).isTrue();

        assertThat(inTransaction(() -> marks().clear(PipelineStep.EMBED))).isTrue();
        assertThat(inTransaction(() -> marks().clear(PipelineStep.EMBED))).isFalse();
        assertThat(inTransaction(() -> marks().mark(PipelineStep.EMBED, now))).isTrue();
        inTransaction(() -> marks().clear(PipelineStep.EMBED) && marks().clear(PipelineStep.UNDERSTAND));
    }
}
