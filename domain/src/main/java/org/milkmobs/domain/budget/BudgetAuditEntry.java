package org.milkmobs.domain.budget;

import java.util.Objects;

/** One ceiling change as the audit trail keeps it: what changed, who changed it and why. */
public record BudgetAuditEntry(BudgetLimits.Change change, String actor, String reason) {

    public BudgetAuditEntry {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
    }
}
