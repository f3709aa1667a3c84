package org.milkmobs.servicetestfixture.service.pipeline;

/** The fixture's pipeline step interface, in the place the step rule looks for it ({@code <base>.service.pipeline}). */
@FunctionalInterface
public interface StepHandler {

    String execute(String job);
}
