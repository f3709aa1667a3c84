package org.milkmobs.adapters.persistence.usage;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.usage.UsageRecorder;
import org.milkmobs.domain.usage.UsageRecord;

@Dependent
class UsageRecorderAdapter implements UsageRecorder {

    private final Sql sql;

    @Inject
    UsageRecorderAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    /** In a transaction of its own: the call was made (and perhaps paid for) whatever becomes of the caller's work. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(UsageRecord usage) {
        UsageRows.insert(sql, usage, null);
    }
}
