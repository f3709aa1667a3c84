package org.milkmobs.adapters.rest.support;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.milkmobs.domain.InvalidValueException;

/**
 * Parses query parameters by hand, with errors that name the parameter (JAX-RS would answer a failed
 * conversion with a bare 404).
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static int limit(String value, int defaultLimit, int max) {
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit < 1 || limit > max) {
                throw new InvalidValueException("limit", "limit must be between 1 and " + max + ", got " + limit);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new InvalidValueException("limit", "limit must be a whole number between 1 and " + max);
        }
    }

    public static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(name, name + " must be an ISO-8601 instant such as 2026-11-23T10:00:00Z");
        }
    }

    public static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public static <E extends Enum<E>> Optional<E> oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(name, name + " must be one of " + EnumSet.allOf(type));
        }
    }

    /** A comma-separated list of enum names. */
    public static <E extends Enum<E>> Set<E> setOf(String name, String value, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (value != null && !value.isBlank()) {
            for (String part : value.split(",")) {
                oneOf(name, part, type).ifPresent(values::add);
            }
        }
        return values;
    }
}
