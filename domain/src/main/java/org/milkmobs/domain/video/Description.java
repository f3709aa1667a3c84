package org.milkmobs.domain.video;

import org.milkmobs.domain.Require;

/** A video's free-text description: up to 5,000 characters, line breaks allowed, may be empty. */
public record Description(String value) {

    public static final int MAX_LENGTH = 5000;
    public static final Description EMPTY = new Description("");

    public Description {
        value = Require.text("description", value == null ? "" : value, 0, MAX_LENGTH, true);
    }

    public static Description ofNullable(String text) {
        return text == null ? EMPTY : new Description(text);
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return value;
    }
}
