package org.milkmobs.application.port.out.budget;

import java.time.Duration;
import java.time.Instant;
import org.milkmobs.application.port.out.analysis.AnalyzerBusyException;

/**
 * A paid call's estimate did not fit a ceiling. Nothing was called and nothing is lost: a pipeline step
 * defers its video until {@link #reopensAt}, a search answers without the paid query embedding. It is an
 * {@link AnalyzerBusyException}, so any caller that does not know budgets still waits instead of failing.
 */
public class BudgetExhaustedException extends AnalyzerBusyException {

    private final Instant reopensAt;

    public BudgetExhaustedException(String message, Instant now, Instant reopensAt) {
        super(message, Duration.between(now, reopensAt).isNegative() ? Duration.ZERO : Duration.between(now, reopensAt), null);
        this.reopensAt = reopensAt;
    }

    public Instant reopensAt() {
        return reopensAt;
    }
}
