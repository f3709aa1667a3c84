package org.milkmobs.domain.search;

import java.util.Objects;

/**
 * A ranking that ran for a search and what it ranked by: a composed (text and image) query says so, because on a model
 * without a composed space its vector leg holds only the image and its full-text leg only the text.
 */
public record RanLeg(Leg leg, Input input) {

    /** What part of the query a leg used. */
    public enum Input { TEXT, IMAGE, TEXT_IMAGE }

    public RanLeg {
        Objects.requireNonNull(leg, "leg");
        Objects.requireNonNull(input, "input");
        if (leg == Leg.FULL_TEXT && input != Input.TEXT) {
            throw new IllegalArgumentException("full text ranks by words alone");
        }
    }
}
