package org.milkmobs.adapters.persistence.budget;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.adapters.persistence.usage.UsageStorageForTests;
import org.milkmobs.application.port.out.budget.BudgetLedger;
import org.milkmobs.application.port.out.usage.UsageRecorder;
import org.milkmobs.application.testing.BudgetLedgerContract;

/** The budget ledger contract on PostgreSQL: counters, reservations and model_usage, each call its own transaction. */
class PostgresBudgetLedgerTest extends BudgetLedgerContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("budget_ledger");

    @Override
    protected BudgetLedger ledger() {
        return BudgetStorageForTests.ledger(database.em());
    }

    @Override
    protected UsageRecorder usage() {
        return UsageStorageForTests.recorder(database.em());
    }

    @Override
    protected List<BigDecimal> usageCosts(String model) {
        return database.inTransaction(() -> database.em().createNativeQuery("SELECT cost_usd FROM model_usage WHERE model_id = ? ORDER BY id",
                BigDecimal.class).setParameter(1, model).getResultList());
    }
}
