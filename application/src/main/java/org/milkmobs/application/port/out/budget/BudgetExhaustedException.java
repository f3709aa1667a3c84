package org.milkmobs.application.port.out.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.milkmobs.application.port.out.analysis.AnalyzerBusyException;
import org.milkmobs.domain.budget.BudgetWindow;

/**
 * A paid call's estimate did not fit a ceiling. Nothing was called and nothing is lost: a pipeline step
 * defers its video until {@link #reopensAt}, a search answers without the paid query embedding. It is an
 * {@link AnalyzerBusyException}, so any caller that does not know budgets still waits instead of failing.
 */
public class BudgetExhaustedException extends AnalyzerBusyException {

    private final Instant reopensAt;
    private final List<BudgetWindow> full;

    public BudgetExhaustedException(String message, Instant now, Instant reopensAt, List<BudgetWindow> full) {
        super(message, Duration.between(now, reopensAt).isNegative() ? Duration.ZERO : Duration.between(now, reopensAt), null);
        this.reopensAt = reopensAt;
        this.full = List.copyOf(full);
    }

    public Instant reopensAt() {
        return reopensAt;
    }

    public List<BudgetWindow> fullWindows() {
        return full;
    }
}
