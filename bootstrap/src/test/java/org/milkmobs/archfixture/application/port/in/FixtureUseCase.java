package org.milkmobs.archfixture.application.port.in;

import org.milkmobs.archfixture.application.port.out.FixturePortOut;

/** Breaks the port rule on purpose: an incoming port that knows an outgoing one. */
public interface FixtureUseCase {
    FixturePortOut port();
}
