package org.milkmobs.servicetestfixture.service.steps;

import org.milkmobs.servicetestfixture.service.pipeline.StepHandler;

/** A step that {@link TestedStepTest} builds: the step rule must not report it. */
public class TestedStep implements StepHandler {

    @Override
    public String execute(String job) {
        return job + " done";
    }
}
