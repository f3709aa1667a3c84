package org.milkmobs.bootstrap.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Typed access to the configuration. Every key has its default in {@code META-INF/microprofile-config.properties}
 * (and in the README), and any key can be overridden by a system property or an environment variable.
 */
@ApplicationScoped
public class Settings {

    @Inject
    Config config;

    public String text(String key) {
        return config.getValue(key, String.class).strip();
    }

    public Optional<String> optionalText(String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }

    public int integer(String key) {
        return parse(key, Integer::parseInt);
    }

    /** An integer where the key is set (and not empty). */
    public Optional<Integer> optionalInteger(String key) {
        return optionalText(key).map(ignored -> integer(key));
    }

    public long number(String key) {
        return parse(key, Long::parseLong);
    }

    public double decimal(String key) {
        return parse(key, Double::parseDouble);
    }

    public boolean flag(String key) {
        String value = text(key);
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalStateException("configuration " + key + " must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** ISO-8601 durations, e.g. {@code PT15M}. */
    public Duration duration(String key) {
        return parse(key, Duration::parse);
    }

    public Path path(String key) {
        return Path.of(text(key)).toAbsolutePath().normalize();
    }

    /** A comma-separated list; empty entries are dropped. */
    public List<String> list(String key) {
        return optionalText(key).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    private <T> T parse(String key, java.util.function.Function<String, T> parser) {
        String value = text(key);
        try {
            return parser.apply(value);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalStateException("configuration " + key + " has the unusable value '" + value + "'", e);
        }
    }
}
