package org.milkmobs.domain.search;

import java.util.Objects;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Segment;

/** Where in a video a search matched: a clip, the modality that matched, and how well. */
public record Moment(Segment segment, Modality modality, double score) {

    public Moment {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(modality, "modality");
    }
}
