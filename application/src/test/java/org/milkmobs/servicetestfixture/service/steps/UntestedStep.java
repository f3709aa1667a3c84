package org.milkmobs.servicetestfixture.service.steps;

/** A step no test builds (its base class has none either): the step rule must report it, and only it. */
public class UntestedStep extends AbstractStep {

    @Override
    public String execute(String job) {
        return job + " skipped";
    }
}
