package org.milkmobs.domain.video;

import org.milkmobs.domain.Require;

/** A video's title: 1 to 200 characters on one line, trimmed. */
public record Title(String value) {

    public static final int MAX_LENGTH = 200;

    public Title {
        value = Require.text("title", value, 1, MAX_LENGTH, false);
    }

    @Override
    public String toString() {
        return value;
    }
}
