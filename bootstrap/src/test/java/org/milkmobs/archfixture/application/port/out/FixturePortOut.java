package org.milkmobs.archfixture.application.port.out;

import org.milkmobs.archfixture.application.service.FixtureService;

/** Breaks the port rule on purpose: an outgoing port that knows a service. */
public interface FixturePortOut {
    FixtureService service();
}
