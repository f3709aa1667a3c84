package org.milkmobs.domain.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.milkmobs.domain.InvalidValueException;

/**
 * The set of ceilings in force: at most one per (scope, period). Changing it yields the new set and one
 * {@link Change} per ceiling that actually changed, which is what the audit trail keeps.
 */
public final class BudgetLimits {

    private static final Comparator<BudgetLimit> ORDER = Comparator
            .comparing((BudgetLimit limit) -> limit.scope().model().orElse(""))
            .thenComparing(BudgetLimit::period);

    private final Map<Key, BudgetLimit> limits;

    private BudgetLimits(Map<Key, BudgetLimit> limits) {
        this.limits = limits;
    }

    public static BudgetLimits of(List<BudgetLimit> limits) {
        Map<Key, BudgetLimit> byKey = new LinkedHashMap<>();
        for (BudgetLimit limit : limits) {
            if (byKey.put(new Key(limit.scope(), limit.period()), limit) != null) {
                throw new InvalidValueException("limits", "two ceilings for " + limit.scope() + " per " + limit.period().wireName());
            }
        }
        return new BudgetLimits(Map.copyOf(byKey));
    }

    public Optional<BigDecimal> ceiling(BudgetScope scope, BudgetPeriod period) {
        return Optional.ofNullable(limits.get(new Key(scope, period))).map(BudgetLimit::usd);
    }

    /** Global ceilings first, then per model; hour, day, month within each. */
    public List<BudgetLimit> all() {
        return limits.values().stream().sorted(ORDER).toList();
    }

    /**
     * Applies {@code requested}: a ceiling per (scope, period), or none to lift it.
     *
     * @throws InvalidValueException when the request names the same ceiling twice
     */
    public Changed change(List<Requested> requested, Instant at) {
        Map<Key, BudgetLimit> next = new LinkedHashMap<>(limits);
        List<Change> changes = new ArrayList<>();
        Set<Key> seen = new HashSet<>();
        for (Requested request : requested) {
            Key key = new Key(request.scope(), request.period());
            if (!seen.add(key)) {
                throw new InvalidValueException("limits", "the ceiling for " + key.scope() + " per " + key.period().wireName()
                        + " appears twice in one change");
            }
            Optional<BigDecimal> before = Optional.ofNullable(limits.get(key)).map(BudgetLimit::usd);
            Optional<BigDecimal> after = request.usd().map(BudgetLimit::checkedAmount);
            if (after.isPresent()) {
                next.put(key, new BudgetLimit(key.scope(), key.period(), after.get()));
            } else {
                next.remove(key);
            }
            if (!before.equals(after)) {
                changes.add(new Change(key.scope(), key.period(), before, after, at));
            }
        }
        return new Changed(new BudgetLimits(Map.copyOf(next)), List.copyOf(changes));
    }

    /** One ceiling in a change request; an empty {@code usd} lifts the ceiling. */
    public record Requested(BudgetScope scope, BudgetPeriod period, Optional<BigDecimal> usd) {
        public Requested {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(usd, "usd");
        }
    }

    /** What one ceiling was and became. */
    public record Change(BudgetScope scope, BudgetPeriod period, Optional<BigDecimal> before, Optional<BigDecimal> after, Instant at) {
    }

    public record Changed(BudgetLimits limits, List<Change> changes) {
    }

    private record Key(BudgetScope scope, BudgetPeriod period) {
    }
}
