package org.milkmobs.servicetestfixture.service.steps;

import org.milkmobs.servicetestfixture.service.pipeline.StepHandler;

/** An abstract step is no step of its own: the rule asks a test of its concrete subclasses, not of it. */
public abstract class AbstractStep implements StepHandler {
}
