package org.milkmobs.domain.search;

import java.util.Objects;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.video.VideoId;

/** A stored vector that matched a query: a clip (or a whole video) of one modality, with its cosine similarity. */
public record VectorMatch(VideoId video, Modality modality, Segment segment, double cosine) {

    public VectorMatch {
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(segment, "segment");
    }

    public double score() {
        return SearchHit.scoreOf(cosine);
    }

    public Moment moment() {
        return new Moment(segment, modality, score());
    }
}
