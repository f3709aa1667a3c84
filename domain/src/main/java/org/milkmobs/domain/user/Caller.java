package org.milkmobs.domain.user;

import java.util.Objects;

/** The authenticated user behind a request, and whether they act as an admin. */
public record Caller(UserId userId, boolean admin) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
    }

    public static Caller consumer(UserId userId) {
        return new Caller(userId, false);
    }

    public static Caller admin(UserId userId) {
        return new Caller(userId, true);
    }

    public boolean is(UserId other) {
        return userId.equals(other);
    }
}
