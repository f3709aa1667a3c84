package org.milkmobs.domain.search;

import java.util.Objects;
import java.util.Optional;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;

/**
 * Which videos a caller may find, as a search condition: an admin finds every video; anyone else finds
 * validated videos and their own, whatever their status (the rule of {@link org.milkmobs.domain.video.Video#isVisibleTo}).
 */
public final class Visibility {

    private static final Visibility EVERYTHING = new Visibility(Optional.empty());

    private final Optional<UserId> viewer;

    private Visibility(Optional<UserId> viewer) {
        this.viewer = viewer;
    }

    public static Visibility of(Caller caller) {
        return caller.admin() ? EVERYTHING : new Visibility(Optional.of(caller.userId()));
    }

    public static Visibility everything() {
        return EVERYTHING;
    }

    /** Empty for an admin; otherwise the user whose own videos are visible besides the validated ones. */
    public Optional<UserId> restrictedTo() {
        return viewer;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Visibility other && viewer.equals(other.viewer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(viewer);
    }

    @Override
    public String toString() {
        return viewer.map(v -> "Visibility[validated or owned by " + v.value() + "]").orElse("Visibility[everything]");
    }
}
