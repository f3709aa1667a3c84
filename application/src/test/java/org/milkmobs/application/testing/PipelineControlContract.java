package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.pipeline.PipelineControlPort;
import org.milkmobs.domain.pipeline.PipelineStep;

/** An admin's pause holds until resumed, and pausing or resuming twice is harmless; run on the twin and on PostgreSQL. */
public abstract class PipelineControlContract extends ContractSuite {

    protected abstract PipelineControlPort control();

    @Test
    void aPauseHoldsUntilResumedAndRepeatingEitherChangesNothing() {
        assertThat(inTransaction(() -> control().pausedSteps())).isEmpty();

        run(() -> control().pause(PipelineStep.EMBED));
        run(() -> control().pause(PipelineStep.EMBED));
        run(() -> control().pause(PipelineStep.UNDERSTAND));
        assertThat(inTransaction(() -> control().pausedSteps())).containsExactlyInAnyOrder(PipelineStep.EMBED, PipelineStep.UNDERSTAND);

        run(() -> control().resume(PipelineStep.EMBED));
        run(() -> control().resume(PipelineStep.EMBED));
        run(() -> control().resume(PipelineStep.THUMBNAIL));
        assertThat(inTransaction(() -> control().pausedSteps())).containsExactly(PipelineStep.UNDERSTAND);

        run(() -> control().resume(PipelineStep.UNDERSTAND));
        assertThat(inTransaction(() -> control().pausedSteps())).isEmpty();
    }

    private void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
