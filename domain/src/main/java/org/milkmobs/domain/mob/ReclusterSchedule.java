package org.milkmobs.domain.mob;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When the batch re-clustering starts by itself: {@code every} so long after the last run, and sooner once the mobs'
 * members have grown by {@code growth} (0.25: by a quarter) since the last finished run, from {@code minimumMembers} on.
 * Greedy joins place each video against the mobs of its moment, so a young catalogue's early mobs decide where later
 * look-alikes go; growth is what makes that drift, so growth is what calls the fix (ADR 0032). {@code growth} 0 turns
 * that trigger off and leaves the clock alone.
 */
public record ReclusterSchedule(Duration every, double growth, int minimumMembers) {

    public ReclusterSchedule {
        Objects.requireNonNull(every, "every");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("a re-clustering schedule needs a positive period");
        }
        if (!(growth >= 0) || minimumMembers < 0) {
            throw new IllegalArgumentException("growth and minimumMembers cannot be negative");
        }
    }

    /** On the clock alone. */
    public static ReclusterSchedule every(Duration every) {
        return new ReclusterSchedule(every, 0, 0);
    }

    /** Why a run is due now ({@code "schedule"} or {@code "growth"}), or empty while one runs or none is due. */
    public Optional<String> due(Optional<ReclusterRun> latest, int members, Instant now) {
        if (latest.isEmpty()) {
            return Optional.of("schedule");
        }
        ReclusterRun last = latest.get();
        if ("RUNNING".equals(last.status())) {
            return Optional.empty();
        }
        if (!last.startedAt().plus(every).isAfter(now)) {
            return Optional.of("schedule");
        }
        return grown(last, members) ? Optional.of("growth") : Optional.empty();
    }

    private boolean grown(ReclusterRun last, int members) {
        if (growth == 0 || members < minimumMembers || last.videos() == null) {
            return false;
        }
        return members > last.videos() && members >= Math.ceil(last.videos() * (1 + growth));
    }
}
