package org.milkmobs.domain.usage;

import java.util.Locale;
import org.milkmobs.domain.InvalidValueException;

/** How a usage time series is broken down: per day, and within each day per model or per operation. */
public enum UsageGrouping {
    DAY,
    MODEL,
    OPERATION;

    public static UsageGrouping fromWireName(String value) {
        for (UsageGrouping grouping : values()) {
            if (grouping.name().toLowerCase(Locale.ROOT).equals(value == null ? "" : value.strip().toLowerCase(Locale.ROOT))) {
                return grouping;
            }
        }
        throw new InvalidValueException("groupBy", "groupBy must be one of model, operation, day, got '" + value + "'");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
