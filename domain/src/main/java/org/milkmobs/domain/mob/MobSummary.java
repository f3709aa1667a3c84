package org.milkmobs.domain.mob;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.milkmobs.domain.video.VideoId;

/**
 * A mob as listings show it: its size, label, and a few sample members. {@code label} is what the mob is called:
 * the name an admin gave it if any ({@code name}), else the label computed from its members.
 */
public record MobSummary(MobId id, String space, int size, String label, Optional<MobName> name, List<VideoId> samples,
                         Instant createdAt, Instant updatedAt) {

    public MobSummary {
        name = name == null ? Optional.empty() : name;
        label = name.map(MobName::value).orElse(label == null ? "" : label);
        samples = List.copyOf(samples);
    }
}
