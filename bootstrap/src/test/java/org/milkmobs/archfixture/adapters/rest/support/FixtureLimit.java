package org.milkmobs.archfixture.adapters.rest.support;

import org.milkmobs.archfixture.adapters.rest.problem.FixtureProblems;

/** The other half of the package cycle that the cycle rule must report. */
public class FixtureLimit {
    FixtureProblems problems;
}
