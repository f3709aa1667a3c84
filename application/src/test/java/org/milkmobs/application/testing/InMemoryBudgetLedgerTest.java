package org.milkmobs.application.testing;

import java.math.BigDecimal;
import java.util.List;
import org.milkmobs.application.port.out.budget.BudgetLedger;
import org.milkmobs.application.port.out.usage.UsageRecorder;

class InMemoryBudgetLedgerTest extends BudgetLedgerContract {

    private final InMemoryUsage usage = new InMemoryUsage();
    private final InMemoryBudgetLedger ledger = new InMemoryBudgetLedger(usage);

    @Override
    protected BudgetLedger ledger() {
        return ledger;
    }

    @Override
    protected UsageRecorder usage() {
        return usage;
    }

    @Override
    protected List<BigDecimal> usageCosts(String model) {
        return usage.records().stream().filter(r -> r.model().equals(model)).map(r -> r.cost()).toList();
    }
}
