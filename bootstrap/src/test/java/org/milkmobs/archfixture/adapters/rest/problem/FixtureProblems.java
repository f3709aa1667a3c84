package org.milkmobs.archfixture.adapters.rest.problem;

import org.milkmobs.archfixture.adapters.rest.support.FixtureLimit;

/** Breaks the cycle rule on purpose, with {@link FixtureLimit}: two packages of one module that need each other. */
public class FixtureProblems {
    FixtureLimit limit;
}
