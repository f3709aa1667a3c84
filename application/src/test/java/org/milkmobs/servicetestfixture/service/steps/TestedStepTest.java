package org.milkmobs.servicetestfixture.service.steps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.milkmobs.servicetestfixture.service.pipeline.StepHandler;

/** The fixture's step test; its scripted handler is declared in a test, so the rule does not take it for a step. */
class TestedStepTest {

    private final TestedStep step = new TestedStep();

    @Test
    void doesTheJob() {
        assertThat(step.execute("preflight")).isEqualTo("preflight done");
        assertThat(new ScriptedStep().execute("preflight")).isEqualTo("scripted");
    }

    private static final class ScriptedStep implements StepHandler {
        @Override
        public String execute(String job) {
            return "scripted";
        }
    }
}
