package org.milkmobs.domain.user;

import java.util.regex.Pattern;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.Require;

/**
 * Who owns a video: the subject of the caller's token. Identity providers format subjects in many ways
 * ({@code auth0|abc}, e-mail addresses, UUIDs), so any visible ASCII is allowed, but no spaces.
 */
public record UserId(String value) {

    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1,128}");

    public UserId {
        Require.present("userId", value);
        if (!VISIBLE_ASCII.matcher(value).matches()) {
            throw new InvalidValueException("userId", "userId must be 1 to 128 visible ASCII characters without spaces");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
