package org.milkmobs.domain.mob;

import java.time.Instant;
import java.util.List;
import org.milkmobs.domain.video.VideoId;

/** A mob as listings show it: its size, label, and a few sample members. */
public record MobSummary(MobId id, String space, int size, String label, List<VideoId> samples, Instant createdAt, Instant updatedAt) {

    public MobSummary {
        samples = List.copyOf(samples);
    }
}
