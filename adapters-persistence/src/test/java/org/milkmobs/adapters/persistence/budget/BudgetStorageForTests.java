package org.milkmobs.adapters.persistence.budget;

import jakarta.persistence.EntityManager;
import org.milkmobs.adapters.persistence.testing.ResourceLocalTransactions;
import org.milkmobs.application.port.out.budget.BudgetLedger;

/** The ledger adapter for tests in other packages, each call in its own transaction as in the app. */
public final class BudgetStorageForTests {

    private BudgetStorageForTests() {
    }

    public static BudgetLedger ledger(EntityManager em) {
        return ResourceLocalTransactions.wrap(BudgetLedger.class, new BudgetLedgerAdapter(em), em);
    }
}
