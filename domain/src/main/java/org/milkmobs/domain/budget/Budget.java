package org.milkmobs.domain.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.milkmobs.domain.usage.PriceTable;
import org.milkmobs.domain.usage.PricedUnit;

/**
 * The rules money is spent by: which windows a call of a model counts in, what it is estimated to cost
 * before it is made, and when a refused call may try again.
 *
 * <p>An estimate is meant to be an upper bound: callers pass the most a call can consume (the probed media
 * seconds, the output-token cap, a text's UTF-8 length as its token count), so a settled cost rarely
 * exceeds what was reserved. When it does, the ledger books the actual cost anyway and records the excess
 * as an overrun (see ADR 0012).
 */
public final class Budget {

    private final PriceTable prices;
    private final BudgetMode mode;

    public Budget(PriceTable prices, BudgetMode mode) {
        this.prices = Objects.requireNonNull(prices, "prices");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    public BudgetMode mode() {
        return mode;
    }

    public PriceTable prices() {
        return prices;
    }

    /** What a call of {@code model} consuming at most {@code units} may cost. */
    public BigDecimal estimate(String model, Map<PricedUnit, Double> units) {
        return prices.cost(model, units);
    }

    /** Every window a call of {@code model} made at {@code at} counts in: global and the model's, per period. */
    public List<BudgetWindow> windowsFor(String model, Instant at) {
        return windowsFor(model, Optional.empty(), at);
    }

    /** As {@link #windowsFor(String, Instant)}, and the API key's windows when a gateway key made the call. */
    public List<BudgetWindow> windowsFor(String model, Optional<String> apiKey, Instant at) {
        List<BudgetWindow> windows = new ArrayList<>();
        List<BudgetScope> scopes = new ArrayList<>(List.of(BudgetScope.GLOBAL, BudgetScope.model(model)));
        apiKey.map(BudgetScope::apiKey).ifPresent(scopes::add);
        for (BudgetScope scope : scopes) {
            for (BudgetPeriod period : BudgetPeriod.values()) {
                windows.add(BudgetWindow.containing(scope, period, at));
            }
        }
        return windows;
    }

    /** When every one of the {@code full} windows will have rolled over, which is the earliest a refused call can fit. */
    public static Instant reopensAt(Collection<BudgetWindow> full) {
        return full.stream().map(BudgetWindow::end).max(Instant::compareTo)
                .orElseThrow(() -> new IllegalArgumentException("a refusal names at least one full window"));
    }
}
