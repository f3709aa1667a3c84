package org.milkmobs.adapters.persistence.mob;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.application.port.out.mob.ReclusterRuns;
import org.milkmobs.application.testing.ReclusterRunsContract;

/** The re-clustering runs contract on PostgreSQL, whose partial unique index admits one RUNNING row. */
class PostgresReclusterRunsTest extends ReclusterRunsContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("recluster_runs");

    @Override
    protected ReclusterRuns runs() {
        return new ReclusterRunsAdapter(database.em());
    }
}
