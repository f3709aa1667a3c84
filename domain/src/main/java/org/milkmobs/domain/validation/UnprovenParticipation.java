package org.milkmobs.domain.validation;

import java.util.Locale;
import org.milkmobs.domain.InvalidValueException;

/**
 * What becomes of a video whose analysis cannot establish that it takes part: no participation score (the
 * local analyzer gives none) and no campaign reference to look like. Its other signals (hashtags, text on
 * screen, sound) are easy to fake or to share with anything, so they alone do not accept it.
 */
public enum UnprovenParticipation {
    /** A person decides (the default). */
    REVIEW,
    /** The weaker signals decide, as if they were proof. */
    ACCEPT,
    /** Rejected: only provable participation counts. */
    REJECT;

    public static UnprovenParticipation parse(String setting, String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(setting, "must be review, accept or reject, got '" + value + "'");
        }
    }
}
