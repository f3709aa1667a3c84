package org.milkmobs.domain.analysis;

import java.util.Objects;
import org.milkmobs.domain.embedding.Segment;

/** A moment of the video worth pointing at, with what happens in it. */
public record Highlight(Segment segment, String description) {

    public Highlight {
        Objects.requireNonNull(segment, "segment");
        description = description == null ? "" : description.strip();
    }
}
