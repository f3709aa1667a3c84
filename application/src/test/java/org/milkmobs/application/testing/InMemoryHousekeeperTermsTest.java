package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.housekeeping.HousekeeperTerms;

class InMemoryHousekeeperTermsTest extends HousekeeperTermsContract {

    private final InMemoryHousekeeperTerms terms = new InMemoryHousekeeperTerms();

    @Override
    protected HousekeeperTerms terms() {
        return terms;
    }
}
