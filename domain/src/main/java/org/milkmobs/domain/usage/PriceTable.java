package org.milkmobs.domain.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.milkmobs.domain.InvalidValueException;

/**
 * US dollars per unit, per model, from configuration (prices change; they are never constants in code).
 * A unit the table has no price for costs nothing, which is what the local analyzer costs.
 */
public final class PriceTable {

    /** Costs are kept to a millionth of a cent. */
    public static final int COST_SCALE = 8;

    private final Map<String, Map<PricedUnit, BigDecimal>> prices;

    private PriceTable(Map<String, Map<PricedUnit, BigDecimal>> prices) {
        this.prices = prices;
    }

    public static PriceTable empty() {
        return new PriceTable(Map.of());
    }

    /** The same table, with {@code model}'s price for {@code unit} set. */
    public PriceTable with(String model, PricedUnit unit, BigDecimal usdPerUnit) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(unit, "unit");
        if (usdPerUnit == null || usdPerUnit.signum() < 0) {
            throw new InvalidValueException("price", "a price is a non-negative number of dollars, got " + usdPerUnit);
        }
        Map<String, Map<PricedUnit, BigDecimal>> copy = new HashMap<>();
        prices.forEach((m, p) -> copy.put(m, new EnumMap<>(p)));
        copy.computeIfAbsent(model, m -> new EnumMap<>(PricedUnit.class)).put(unit, usdPerUnit);
        return new PriceTable(Map.copyOf(copy));
    }

    public BigDecimal price(String model, PricedUnit unit) {
        return prices.getOrDefault(model, Map.of()).getOrDefault(unit, BigDecimal.ZERO);
    }

    /** What {@code quantities} of {@code model}'s units cost. */
    public BigDecimal cost(String model, Map<PricedUnit, Double> quantities) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<PricedUnit, Double> quantity : quantities.entrySet()) {
            total = total.add(price(model, quantity.getKey()).multiply(BigDecimal.valueOf(quantity.getValue())));
        }
        return total.setScale(COST_SCALE, RoundingMode.HALF_UP);
    }
}
