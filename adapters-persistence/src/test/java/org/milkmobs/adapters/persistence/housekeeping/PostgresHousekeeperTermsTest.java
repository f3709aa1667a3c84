package org.milkmobs.adapters.persistence.housekeeping;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.application.port.out.housekeeping.HousekeeperTerms;
import org.milkmobs.application.testing.HousekeeperTermsContract;

/** The housekeeper terms contract on PostgreSQL. */
class PostgresHousekeeperTermsTest extends HousekeeperTermsContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("housekeeper_terms");

    @Override
    protected HousekeeperTerms terms() {
        return new HousekeeperTermsAdapter(database.em());
    }
}
