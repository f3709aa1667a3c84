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
 * <p>
 * A burst of uploads that ends short of the growth share would leave its greedy placements until the clock: so once the
 * members' count differs from the last run's and has stood still for {@code settle}, a run tidies up after the burst
 * ({@code "settled"}), from {@code minimumMembers} on. {@code settle} zero turns that trigger off.
 */
public record ReclusterSchedule(Duration every, double growth, int minimumMembers, Duration settle) {

    public ReclusterSchedule {
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(settle, "settle");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("a re-clustering schedule needs a positive period");
        }
        if (!(growth >= 0) || minimumMembers < 0 || settle.isNegative()) {
            throw new IllegalArgumentException("growth, minimumMembers and settle cannot be negative");
        }
    }

    /** Without the settled trigger. */
    public ReclusterSchedule(Duration every, double growth, int minimumMembers) {
        this(every, growth, minimumMembers, Duration.ZERO);
    }

    /** On the clock alone. */
    public static ReclusterSchedule every(Duration every) {
        return new ReclusterSchedule(every, 0, 0);
    }

    /** {@link #due(Optional, int, Instant, Instant)} for a count that changed just now. */
    public Optional<String> due(Optional<ReclusterRun> latest, int members, Instant now) {
        return due(latest, members, now, now);
    }

    /**
     * Why a run is due now ({@code "schedule"}, {@code "growth"} or {@code "settled"}), or empty while one runs or none
     * is due; the members' count has been {@code members} since {@code unchangedSince}.
     */
    public Optional<String> due(Optional<ReclusterRun> latest, int members, Instant unchangedSince, Instant now) {
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
        if (grown(last, members)) {
            return Optional.of("growth");
        }
        return settled(last, members, unchangedSince, now) ? Optional.of("settled") : Optional.empty();
    }

    private boolean settled(ReclusterRun last, int members, Instant unchangedSince, Instant now) {
        if (settle.isZero() || members < minimumMembers || last.videos() == null || members == last.videos()) {
            return false;
        }
        return !unchangedSince.plus(settle).isAfter(now);
    }

    private boolean grown(ReclusterRun last, int members) {
        if (growth == 0 || members < minimumMembers || last.videos() == null) {
            return false;
        }
        return members > last.videos() && members >= Math.ceil(last.videos() * (1 + growth));
    }
}
