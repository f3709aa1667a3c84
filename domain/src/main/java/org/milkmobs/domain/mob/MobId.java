package org.milkmobs.domain.mob;

import java.util.Objects;
import java.util.UUID;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.TimeOrderedUuid;

/** Identifies a mob; it survives re-clustering when the mob's centroid barely moves. */
public record MobId(UUID value) {

    public MobId {
        Objects.requireNonNull(value, "value");
    }

    public static MobId generate() {
        return new MobId(TimeOrderedUuid.next());
    }

    public static MobId parse(String text) {
        try {
            if (text == null || text.length() != 36) {
                throw new IllegalArgumentException();
            }
            return new MobId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("mobId", "mobId must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
