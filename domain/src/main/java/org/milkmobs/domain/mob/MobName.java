package org.milkmobs.domain.mob;

import org.milkmobs.domain.Require;

/** A name an admin gives a mob; it wins over the computed label. One line, 1 to {@value #MAX_LENGTH} characters, trimmed. */
public record MobName(String value) {

    public static final int MAX_LENGTH = 80;

    public MobName {
        value = Require.text("name", value, 1, MAX_LENGTH, false);
    }

    @Override
    public String toString() {
        return value;
    }
}
