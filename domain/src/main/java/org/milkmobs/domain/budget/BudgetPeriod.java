package org.milkmobs.domain.budget;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.milkmobs.domain.InvalidValueException;

/** The calendar windows a ceiling applies to, always in UTC so every node agrees on where a window starts. */
public enum BudgetPeriod {
    HOUR,
    DAY,
    MONTH;

    /** The start of the window of this period that contains {@code at}. */
    public Instant windowStart(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        return switch (this) {
            case HOUR -> utc.truncatedTo(ChronoUnit.HOURS).toInstant();
            case DAY -> utc.truncatedTo(ChronoUnit.DAYS).toInstant();
            case MONTH -> utc.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant();
        };
    }

    /** The start of the window that follows the one containing {@code at}. */
    public Instant nextWindowStart(Instant at) {
        ZonedDateTime start = windowStart(at).atZone(ZoneOffset.UTC);
        return switch (this) {
            case HOUR -> start.plusHours(1).toInstant();
            case DAY -> start.plusDays(1).toInstant();
            case MONTH -> start.plusMonths(1).toInstant();
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BudgetPeriod fromWireName(String field, String value) {
        for (BudgetPeriod period : values()) {
            if (period.wireName().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return period;
            }
        }
        throw new InvalidValueException(field, field + " must be one of hour, day, month, got '" + value + "'");
    }
}
