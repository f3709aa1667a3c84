package org.milkmobs.adapters.persistence.events;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.application.port.out.events.StallMarks;
import org.milkmobs.application.testing.StallMarksContract;

/** The stall marks contract on PostgreSQL. */
class PostgresStallMarksTest extends StallMarksContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("stall_marks");

    @Override
    protected StallMarks marks() {
        return new StallMarksAdapter(database.em());
    }
}
